// The items of gnulib's parse-datetime.y grammar, parsed the way its bison LALR(1) parser does:
// one token of look-ahead, and where the grammar is ambiguous (its 31 shift/reduce conflicts)
// the shift wins, so "10:00 +1 day" reads +1 as the zone of 10:00 and "5 jan 10:00" takes 10
// as the year and then fails at ':'. Once a rule is entered there is no going back.
import { MER_24, type Tok, type TokType } from './parse_datetime_lex.ts';
import { applyRel, digitsToDateTime, setTime, textInt, timeZoneHhmm, unitRel, zeroRel, type Pc, type Rel } from './parse_datetime_pc.ts';

const UNIT_TYPES: TokType[] = ['YEAR_UNIT', 'MONTH_UNIT', 'DAY_UNIT', 'HOUR_UNIT', 'MINUTE_UNIT', 'SEC_UNIT'];
const isUnit = (t: Tok): boolean => UNIT_TYPES.includes(t.t);

/** Thrown (and caught by parseItems) where bison would report a syntax error or YYABORT. */
class Fail extends Error {}

class Parser {
  private i = 0;
  constructor(private readonly toks: Tok[], private readonly pc: Pc) {}

  private peek(k = 0): Tok {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)];
  }

  private next(): Tok {
    return this.toks[this.i++];
  }

  private is(t: TokType, ch = '', k = 0): boolean {
    const x = this.peek(k);
    return x.t === t && (t !== 'CHAR' || x.ch === ch);
  }

  private expect(t: TokType, ch = ''): Tok {
    if (!this.is(t, ch)) throw new Fail();
    return this.next();
  }

  /** spec: timespec | items. */
  parse(): void {
    if (this.is('CHAR', '@')) {
      this.next();
      const x = this.next();
      if (!['SNUM', 'SDEC', 'UNUM', 'UDEC'].includes(x.t)) throw new Fail();
      this.pc.sec = x.v;
      this.pc.ns = x.ns;
      this.pc.timespecSeen = true;
      this.expect('END');
      return;
    }
    while (!this.is('END')) this.item();
  }

  private item(): void {
    const pc = this.pc;
    const x = this.peek();
    switch (x.t) {
      case 'UNUM': return this.unumber();
      case 'SNUM': case 'SDEC': case 'UDEC': case 'ORDINAL':
        if (x.t === 'ORDINAL' && this.is('DAY', '', 1)) {
          this.next();
          this.setDay(x.v, this.next().v);
          return;
        }
        return this.rel(this.relunit());
      case 'YEAR_UNIT': case 'MONTH_UNIT': case 'DAY_UNIT': case 'HOUR_UNIT': case 'MINUTE_UNIT': case 'SEC_UNIT':
        return this.rel(this.relunit());
      case 'DAY_SHIFT':
        this.next();
        return this.apply({ ...zeroRel(), day: x.v }, 1);
      case 'DAY':
        this.next();
        if (this.is('CHAR', ',')) this.next();
        return this.setDay(0, x.v);
      case 'MONTH': return this.monthFirst();
      case 'ZONE': case 'T': return this.zone();
      case 'DAYZONE':
        this.next();
        pc.timeZone = x.v + 3600;
        pc.zonesSeen++;
        return;
      default: throw new Fail();
    }
  }

  private setDay(ordinal: number, day: number): void {
    this.pc.dayOrdinal = ordinal;
    this.pc.dayNumber = day;
    this.pc.daysSeen++;
  }

  /** Everything an item starting with an unsigned number can be. */
  private unumber(): void {
    const pc = this.pc;
    const n = this.next();
    const la = this.peek();
    if (la.t === 'MERIDIAN') {
      this.next();
      this.setTime(n.v, 0, 0, 0, la.v);
      pc.timesSeen++;
    } else if (this.is('CHAR', ':')) {
      this.hhmm(n, true);
    } else if (la.t === 'SNUM') {
      const s = this.next();
      if (this.is('SNUM')) {
        this.isoDate(n, s, this.next());
        if (this.is('T')) {
          this.next();
          this.isoTime();
          pc.timesSeen++;
        }
        pc.datesSeen++;
      } else if (isUnit(this.peek())) {
        this.digitsToDateTime(n);
        this.apply(unitRel(s.v, this.next()), 1);
      } else {
        this.setTime(n.v, 0, 0, 0, MER_24);
        this.zoneOffset(s);
        pc.timesSeen++;
      }
    } else if (la.t === 'DAY') {
      this.next();
      this.setDay(n.v, la.v);
    } else if (la.t === 'MONTH') {
      this.next();
      pc.day = n.v;
      pc.month = la.v;
      if (this.is('SNUM')) this.negYear(this.next());
      else if (this.is('UNUM')) pc.year = textInt(this.next());
      pc.datesSeen++;
    } else if (this.is('CHAR', '/')) {
      this.next();
      const d = this.expect('UNUM');
      if (this.is('CHAR', '/')) {
        this.next();
        const y = this.expect('UNUM');
        // YYYY/MM/DD when the first number has 4 or more digits, else MM/DD/YY[YY].
        if (n.digits >= 4) [pc.year, pc.month, pc.day] = [textInt(n), d.v, y.v];
        else [pc.month, pc.day, pc.year] = [n.v, d.v, textInt(y)];
      } else {
        [pc.month, pc.day] = [n.v, d.v];
      }
      pc.datesSeen++;
    } else if (isUnit(la)) {
      this.rel(unitRel(n.v, this.next()));
    } else {
      this.digitsToDateTime(n);
    }
  }

  /** H:MM[:SS[.ns]] after H, with a meridian (ALLOW_MER) or an optional zone offset. */
  private hhmm(h: Tok, allowMer: boolean): void {
    this.expect('CHAR', ':');
    const m = this.expect('UNUM');
    let sec = 0;
    let ns = 0;
    if (this.is('CHAR', ':')) {
      this.next();
      const s = this.next();
      if (s.t !== 'UNUM' && s.t !== 'UDEC') throw new Fail();
      [sec, ns] = [s.v, s.ns];
    }
    if (allowMer && this.is('MERIDIAN')) {
      this.setTime(h.v, m.v, sec, ns, this.next().v);
    } else {
      this.setTime(h.v, m.v, sec, ns, MER_24);
      if (this.is('SNUM')) this.zoneOffset(this.next());
    }
    this.pc.timesSeen++;
  }

  /** iso_8601_time after the 'T' of a datetime: H zone_offset, or H:MM[:SS] [zone_offset]. */
  private isoTime(): void {
    const h = this.expect('UNUM');
    if (this.is('CHAR', ':')) {
      this.hhmm(h, false);
      this.pc.timesSeen--; // the datetime item counts the time
      return;
    }
    this.setTime(h.v, 0, 0, 0, MER_24);
    this.zoneOffset(this.expect('SNUM'));
  }

  private isoDate(y: Tok, m: Tok, d: Tok): void {
    this.pc.year = textInt(y);
    this.pc.month = -m.v;
    this.pc.day = -d.v;
  }

  /** 17-JUN-1992 and JUN-17-1992: the year is minus the signed number. */
  private negYear(y: Tok): void {
    this.pc.year = { value: -y.v, digits: y.digits, negative: false };
  }

  private monthFirst(): void {
    const pc = this.pc;
    pc.month = this.next().v;
    if (this.is('SNUM')) {
      pc.day = -this.next().v;
      this.negYear(this.expect('SNUM'));
    } else {
      pc.day = this.expect('UNUM').v;
      if (this.is('CHAR', ',')) {
        this.next();
        pc.year = textInt(this.expect('UNUM'));
      }
    }
    pc.datesSeen++;
  }

  /** zone: tZONE | 'T' (UTC-7), either with a relunit_snumber; tZONE tSNUMBER [:MM]; tZONE DST. */
  private zone(): void {
    const pc = this.pc;
    const z = this.next();
    const base = z.t === 'T' ? -7 * 3600 : z.v;
    pc.timeZone = base;
    pc.zonesSeen++;
    if (this.is('SNUM')) {
      const s = this.next();
      if (isUnit(this.peek())) return this.apply(unitRel(s.v, this.next()), 1);
      if (z.t === 'T') throw new Fail();
      this.timeZoneHhmm(s, this.colonMinutes());
      pc.timeZone += base;
    } else if (z.t === 'ZONE' && this.is('DST')) {
      this.next();
      pc.timeZone = base + 3600;
    }
  }

  private zoneOffset(s: Tok): void {
    this.pc.zonesSeen++;
    this.timeZoneHhmm(s, this.colonMinutes());
  }

  private colonMinutes(): number {
    if (!this.is('CHAR', ':')) return -1;
    this.next();
    return this.expect('UNUM').v;
  }

  /** relunit, when the look-ahead starts one: [ORDINAL|NUMBER|DECIMAL] UNIT. */
  private relunit(): Rel {
    const x = this.next();
    if (isUnit(x)) return unitRel(1, x);
    const u = this.next();
    if ((x.t === 'SDEC' || x.t === 'UDEC') && u.t === 'SEC_UNIT') return { ...zeroRel(), seconds: x.v, ns: x.ns };
    if ((x.t === 'SNUM' || x.t === 'ORDINAL') && isUnit(u)) return unitRel(x.v, u);
    throw new Fail();
  }

  /** rel: relunit [AGO|HENCE]. */
  private rel(r: Rel): void {
    this.apply(r, this.is('AGO') ? this.next().v : 1);
  }

  private apply(r: Rel, factor: number): void {
    applyRel(this.pc, r, factor);
  }

  private setTime(h: number, m: number, s: number, ns: number, mer: number): void {
    setTime(this.pc, h, m, s, ns, mer);
  }

  private digitsToDateTime(n: Tok): void {
    digitsToDateTime(this.pc, n);
  }

  private timeZoneHhmm(s: Tok, mm: number): void {
    const z = timeZoneHhmm(s, mm);
    if (z === null) throw new Fail();
    this.pc.timeZone = z;
  }
}

/** yyparse(): fills PC from TOKS; false on a syntax error or an abort. */
export function parseItems(toks: Tok[], pc: Pc): boolean {
  try {
    new Parser(toks, pc).parse();
    return true;
  } catch (e) {
    if (e instanceof Fail) return false;
    throw e;
  }
}
