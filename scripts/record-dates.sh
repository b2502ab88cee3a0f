#!/usr/bin/env bash
# Records how the host's GNU date (coreutils 9.1) parses `date -d` strings, for
# test/bin/parse-datetime.test.ts. Writes test/bin/golden/parse-datetime.json as an array of
# [input, base, expected, stderr]: base is the host's clock (whole seconds) when the case ran;
# expected is "SEC.NNNNNNNNN", or "SEC" when the nanoseconds are the clock's own (two runs
# differ), or null when date refused the string (stderr then holds its message).
# Usage: scripts/record-dates.sh   (run on a host with GNU coreutils 9.1; TZ=UTC, C locale)
set -u
cd "$(dirname "$0")/.."
export LC_ALL=C TZ=UTC

inputs=(
  # ISO 8601 dates, times, the T separator, zones
  '2024-01-05' '2024-01-05 10:00' '2024-01-05 10:00:15' '2024-01-05 10:00:15.5' '2024-01-05T10:00:00Z'
  '2024-01-05t10:00:00.123456789123z' '2024-01-05 T10:00' '2024-01-05T10' '2024-01-05T10+02' '2024-01-05 T'
  '2024-1-5' '2024-02-29' '2023-02-29' '2024-02-30' '2024-13-01' '2024-00-10' '2024-01-32' '1969-12-31 23:59:59'
  '2024-01-05 10:00 -05:30' '2024-01-05 10:00 +0100' '2024-01-05 10:00+01' '2024-01-05 10:00 -5' '2024-01-05 10:00 +123'
  '2024-01-05 10:00 +2500' '2024-01-05 10:00 UTC' '2024-01-05 10:00 GMT' '2024-01-05 10:00 Z' '2024-01-05 10:00 ut'
  '2024-01-05 10:00 EST' '2024-01-05 10:00 PDT' '2024-01-05 10:00 CET' '2024-01-05 10:00 cet dst' '2024-01-05 10:00 EDT DST'
  '2024-01-05 10:00 IST' '2024-01-05 10:00 nst' '2024-01-05 10:00 a' '2024-01-05 10:00 m' '2024-01-05 10:00 n'
  '2024-01-05 10:00 y' '2024-01-05 10:00 t' '2024-01-05 10:00 j' '2024-01-05 10:00 UTC+3' '2024-01-05 10:00 UTC-03:30'
  '2024-01-05 10:00 u.t.c.' '2024-01-05 10:00 UTC UTC' '2024-01-05 10:00 +1 day' '2024-01-05 10:00 UTC +1 day'
  # other calendar dates
  '1/5/2024' '1/5/24' '1/5/70' '1/5/69' '1/5/68' '1/5/7' '2024/1/5' '13/5/2024' '1/5' '5 Jan 2024' 'Jan 5 2024'
  'Jan 5, 2024' 'jan 5,2024' '5-jan-2024' '17-JUN-92' 'jun-17-1992' '17 jun +1992' '17 jun +92' 'January 5 2024'
  'jAnUaRy 5 2024' 'Jan. 5 2024' 'Sept 5 2024' 'sep 5 2024' 'June 31 2024' '5 jan 10:00' 'jan 5 1230' 'jan 5 2024 10:00'
  'Fri Jan  5 10:00:00 UTC 2024' 'Fri, 05 Jan 2024 10:00:00 +0000' 'Tue Nov 14 22:13:20 UTC 2023' 'jan' '2024'
  # pure numbers
  '20240105' '20240105 1230' '20240105 +2 days' '20240105 2 days' '20240105 -1 day ago' '240105' '123456789' '0' '7'
  '2024-01-05 1230' '2024-01-05 12' '2024-01-05 99' '12 2024-01-05'
  # times of day
  '2024-01-05 2pm' '2024-01-05 2 pm' '2024-01-05 2:30 am' '2024-01-05 2:30:15 P.M.' '2024-01-05 12am' '2024-01-05 12pm'
  '2024-01-05 0am' '2024-01-05 13pm' '2024-01-05 2:30 a.m.' '2024-01-05 2pm.' '2024-01-05 24:00' '2024-01-05 23:59:60'
  '2024-01-05 10:60' '2024-01-05 10:00:15,25' '2024-01-05 10:00 pm' '2024-01-05 10:00:00 +01:00 pm' '14:30' '2pm'
  # relative items against a date
  '2024-01-31 +1 month' '2024-01-31 1 month ago' '2024-02-29 +1 year' '2024-01-05 -2 weeks' '2024-01-05 3 months ago'
  '2024-01-05 next month' '2024-01-05 last year' '2024-01-05 1 hour 30 minutes' '2024-01-05 fortnight'
  '2024-01-05 2 fortnights hence' '2024-01-05 tomorrow' '2024-01-05 yesterday' '2024-01-05 +1.5 seconds'
  '2024-01-05 -1.5 seconds' '2024-01-05 1.5 minutes' '2024-01-05 +1 hour ago' '2024-01-05 1 day ago ago'
  '2024-01-05 second' '2024-01-05 10 secs' '2024-01-05 3 mins' '2024-01-05 this day' '2024-01-05 next hour'
  '2024-01-05 twelfth day' '2024-01-05 1 year 2 months 3 days 4 hours 5 minutes 6 seconds' '2024-01-05 - 3 days'
  '2024-01-05 -day' '2024-01-05 UTC -1 day ago' '2024-03-31 -1 month' '2024-01-05 10:00 now' '2024-01-05 today'
  # days of the week
  '2024-01-05 monday' 'monday 2024-01-05' '2024-01-05 tue' 'sunday' 'monday' 'next fri' 'last sunday' 'this thursday'
  '2 tuesday' 'third monday' 'second monday' 'friday' 'next friday' 'last friday' 'this friday' 'tuesday, 10:00'
  'wed 14:00' 'thurs' 'tues' 'wednes' 'sat 1 day' 'monday tuesday' 'fri +1 week'
  # against the clock
  'now' 'today' 'yesterday' 'tomorrow' '' '   ' 'now now' '+1 day' '-2 weeks' '3 months ago' 'next month' 'last year'
  '1 hour 30 minutes' 'fortnight' '- day' 'UTC+3' 'UTC+3 hours' 'EST' 't +1 hour' '10:00 UTC+3' 'noon' 'midnight'
  # timestamps and oddities
  '@1700000000' '@-1.5' '@ 5' '@1.123456789' '@+5' '@1700000000 + 1 day' '2024-01-05 @5'
  '2024-01-05 (a comment) 10:00' '2024-01-05 (nested (comment)) 10:00' '2024-01-05 (unclosed' 'TZ="UTC" 2024-01-05 10:00'
  'TZ="UTC0" 2024-01-05' 'xyz' 'a b' "a'b" $'a\nb' 'x$y' $'\xc3\xa9' '2024-01-05 10:00 xyz' '10:00:' '2024-01-05,'
  '2024-01-05 10.5' '1,5 sec' '++1 day' '2024-01-05 1 fortnight ago'
)

for in in "${inputs[@]}"; do
  for _ in 1 2 3 4 5; do
    before=$(date +%s)
    o1=$(date -d "$in" +%s.%N 2>/tmp/record-dates.err)
    rc=$?
    o2=$(date -d "$in" +%s.%N 2>/dev/null)
    after=$(date +%s)
    [ "$before" = "$after" ] && break
  done
  if [ $rc -ne 0 ]; then
    exp=null
    err=$(cat /tmp/record-dates.err)$'\n'
  elif [ "$o1" = "$o2" ]; then
    exp=$o1
    err=
  else
    exp=${o1%.*}
    err=
  fi
  printf '%s\0%s\0%s\0%s\0' "$in" "$before" "$exp" "$err"
done | python3 -c '
import json, sys
f = sys.stdin.buffer.read().split(b"\0")[:-1]
rows = []
for i in range(0, len(f), 4):
    inp, base, exp, err = (x.decode("latin-1") for x in f[i:i + 4])
    rows.append([inp, int(base), None if exp == "null" else exp, err])
out = "[\n" + ",\n".join("  " + json.dumps(r) for r in rows) + "\n]\n"
open("test/bin/golden/parse-datetime.json", "w").write(out)
print(len(rows), "cases")
'
rm -f /tmp/record-dates.err
