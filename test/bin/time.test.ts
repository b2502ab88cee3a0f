// strftime/gmtime against GNU date 9.1 (LC_ALL=C TZ=UTC date -d @T +FMT), recorded on Debian 12.
import { describe, expect, it } from 'vitest';
import { gmtime, strftime, timegm } from '../../src/userland/bin/time.ts';

const CASES: [number, string, string][] = [
  [0, '%a %A %b %B %C %d %D %e %F %g %G %H %I %j %k %l %m %M %p %P %r %R %s %S %T %u %U %V %w %W %x %X %y %Y %z %:z %Z %%', 'Thu Thursday Jan January 19 01 01/01/70  1 1970-01-01 70 1970 00 12 001  0 12 01 00 AM am 12:00:00 AM 00:00 0 00 00:00:00 4 00 01 4 00 01/01/70 00:00:00 70 1970 +0000 +00:00 UTC %'],
  [0, '%-d|%_m|%05Y|%^a|%10A|%-e|%3N', '1| 1|01970|THU|  Thursday|1|000'],
  [1700000000, '%a %A %b %B %C %d %D %e %F %g %G %H %I %j %k %l %m %M %p %P %r %R %s %S %T %u %U %V %w %W %x %X %y %Y %z %:z %Z %%', 'Tue Tuesday Nov November 20 14 11/14/23 14 2023-11-14 23 2023 22 10 318 22 10 11 13 PM pm 10:13:20 PM 22:13 1700000000 20 22:13:20 2 46 46 2 46 11/14/23 22:13:20 23 2023 +0000 +00:00 UTC %'],
  [1700000000, '%-d|%_m|%05Y|%^a|%10A|%-e|%3N', '14|11|02023|TUE|   Tuesday|14|000'],
  [951782400, '%a %A %b %B %C %d %D %e %F %g %G %H %I %j %k %l %m %M %p %P %r %R %s %S %T %u %U %V %w %W %x %X %y %Y %z %:z %Z %%', 'Tue Tuesday Feb February 20 29 02/29/00 29 2000-02-29 00 2000 00 12 060  0 12 02 00 AM am 12:00:00 AM 00:00 951782400 00 00:00:00 2 09 09 2 09 02/29/00 00:00:00 00 2000 +0000 +00:00 UTC %'],
  [951782400, '%-d|%_m|%05Y|%^a|%10A|%-e|%3N', '29| 2|02000|TUE|   Tuesday|29|000'],
  [1230768000, '%a %A %b %B %C %d %D %e %F %g %G %H %I %j %k %l %m %M %p %P %r %R %s %S %T %u %U %V %w %W %x %X %y %Y %z %:z %Z %%', 'Thu Thursday Jan January 20 01 01/01/09  1 2009-01-01 09 2009 00 12 001  0 12 01 00 AM am 12:00:00 AM 00:00 1230768000 00 00:00:00 4 00 01 4 00 01/01/09 00:00:00 09 2009 +0000 +00:00 UTC %'],
  [1230768000, '%-d|%_m|%05Y|%^a|%10A|%-e|%3N', '1| 1|02009|THU|  Thursday|1|000'],
  [1704067199, '%a %A %b %B %C %d %D %e %F %g %G %H %I %j %k %l %m %M %p %P %r %R %s %S %T %u %U %V %w %W %x %X %y %Y %z %:z %Z %%', 'Sun Sunday Dec December 20 31 12/31/23 31 2023-12-31 23 2023 23 11 365 23 11 12 59 PM pm 11:59:59 PM 23:59 1704067199 59 23:59:59 7 53 52 0 52 12/31/23 23:59:59 23 2023 +0000 +00:00 UTC %'],
  [1704067199, '%-d|%_m|%05Y|%^a|%10A|%-e|%3N', '31|12|02023|SUN|    Sunday|31|000'],
  [1609459200, '%a %A %b %B %C %d %D %e %F %g %G %H %I %j %k %l %m %M %p %P %r %R %s %S %T %u %U %V %w %W %x %X %y %Y %z %:z %Z %%', 'Fri Friday Jan January 20 01 01/01/21  1 2021-01-01 20 2020 00 12 001  0 12 01 00 AM am 12:00:00 AM 00:00 1609459200 00 00:00:00 5 00 53 5 00 01/01/21 00:00:00 21 2021 +0000 +00:00 UTC %'],
  [1609459200, '%-d|%_m|%05Y|%^a|%10A|%-e|%3N', '1| 1|02021|FRI|    Friday|1|000'],
  [4102444800, '%a %A %b %B %C %d %D %e %F %g %G %H %I %j %k %l %m %M %p %P %r %R %s %S %T %u %U %V %w %W %x %X %y %Y %z %:z %Z %%', 'Fri Friday Jan January 21 01 01/01/00  1 2100-01-01 99 2099 00 12 001  0 12 01 00 AM am 12:00:00 AM 00:00 4102444800 00 00:00:00 5 00 53 5 00 01/01/00 00:00:00 00 2100 +0000 +00:00 UTC %'],
  [4102444800, '%-d|%_m|%05Y|%^a|%10A|%-e|%3N', '1| 1|02100|FRI|    Friday|1|000'],
  [-86400, '%a %A %b %B %C %d %D %e %F %g %G %H %I %j %k %l %m %M %p %P %r %R %s %S %T %u %U %V %w %W %x %X %y %Y %z %:z %Z %%', 'Wed Wednesday Dec December 19 31 12/31/69 31 1969-12-31 70 1970 00 12 365  0 12 12 00 AM am 12:00:00 AM 00:00 -86400 00 00:00:00 3 52 01 3 52 12/31/69 00:00:00 69 1969 +0000 +00:00 UTC %'],
  [-86400, '%-d|%_m|%05Y|%^a|%10A|%-e|%3N', '31|12|01969|WED| Wednesday|31|000'],
  // '#' swaps case (names up, %p and %Z down, lower case beating '^'); %q is the quarter; an
  // unknown conversion is copied up to its character, padded to the width (bad_format).
  [50000, '%#a|%^#a|%#A|%#b|%#B|%#p|%^p|%#^Z|%#Z|%^P|%#P|%q', 'THU|THU|THURSDAY|JAN|JANUARY|pm|PM|utc|utc|pm|pm|1'],
  [50000, '%10#b|%5#Z|%-5q|%^10x|%_10q|%010q|%-^bX|%E5|%^k', '      %10#b|  %5#Z|1|  01/01/70|         1|0000000001|JANX|%E5|13'],
];

describe('strftime', () => {
  it.each(CASES)('@%i %s', (t, fmt, want) => {
    expect(strftime(fmt, t)).toBe(want);
  });
  it('timegm inverts gmtime', () => {
    for (const t of [0, 951782400, 1700000000, -86400, 4102444800]) {
      const tm = gmtime(t);
      expect(timegm(tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec)).toBe(t);
    }
  });
});
