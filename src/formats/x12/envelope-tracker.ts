import type { InputProblem } from '../../core/model/input-problem.js';
import { MAX_SEGMENT_LENGTH } from './x12-splitter.js';
import { segmentName } from './x12-problems.js';
import { element, type X12Junk, type X12Segment, type X12Token } from './x12-types.js';

/** What the envelope tracker hands on: the segments of each transaction set, and envelope problems. */
export interface SetHandler {
  /** An ST opened the set at `location` (`file:ISA[1]/GS[1]/ST[2]`). */
  start(st: X12Segment, location: string): void;
  /** A segment between ST and SE. */
  segment(seg: X12Segment): void;
  /** The set ended (at its SE, or at what followed it when SE is missing), with its envelope problems. */
  end(problems: InputProblem[]): void;
  /** A problem of an interchange or group (IEA/GE counts and control numbers, stray bytes). */
  envelopeProblem(problem: InputProblem): void;
}

interface Level {
  n: number;
  control: string;
  children: number;
  location: string;
}

const sameControl = (a: string, b: string) =>
  a.trim() === b.trim() || (/^\d+$/.test(a.trim()) && /^\d+$/.test(b.trim()) && Number(a) === Number(b));

/**
 * Envelope validation (X12.5/X12.6): ISA13 = IEA02, IEA01 = number of GS; GS06 = GE02, GE01 = number of
 * ST; ST02 = SE02, SE01 = segments from ST to SE inclusive. Tracks where each segment sits
 * (`ISA[1]/GS[1]/ST[3]`); a missing trailer is reported at the trailer's place and the next header
 * opens a new envelope, so one broken envelope never stops the rest of the file.
 */
export class EnvelopeTracker {
  private isa: Level | null = null;
  private gs: Level | null = null;
  private st: (Level & { problems: InputProblem[] }) | null = null;
  private interchanges = 0;
  private segments = 0;

  constructor(
    private readonly file: string,
    private readonly handler: SetHandler,
  ) {}

  accept(token: X12Token): void {
    if (token.kind === 'junk') return this.junk(token);
    this.segments++;
    switch (token.id) {
      case 'ISA':
        this.closeInterchange();
        this.interchanges++;
        this.isa = {
          n: this.interchanges,
          control: element(token, 13),
          children: 0,
          location: `${this.file}:ISA[${this.interchanges}]`,
        };
        return;
      case 'IEA':
        return this.iea(token);
      case 'GS':
        this.closeGroup();
        this.openGroup(element(token, 6));
        return;
      case 'GE':
        return this.ge(token);
      case 'ST':
        return this.openSet(token);
      case 'SE':
        return this.se(token);
      default:
        if (this.st !== null) {
          this.st.children++;
          this.handler.segment(token);
        } else if (!(token.id === 'TA1' && this.isa !== null && this.gs === null)) {
          const where = this.gs?.location ?? this.isa?.location ?? this.file;
          this.problem(where, `${segmentName(token.id)} outside a transaction set (ST … SE): ignored`);
        }
    }
  }

  /** End of file: every open envelope lacks its trailer. */
  end(): void {
    this.closeInterchange();
    if (this.segments === 0)
      this.problem(this.file, 'no ISA interchange header: this is not an X12 file (or it is empty)');
  }

  private junk(j: X12Junk): void {
    const at = `${this.file}:byte ${j.offset}`;
    const message =
      j.reason === 'outside-interchange'
        ? `${j.length} bytes outside any interchange (not X12 segments): ignored`
        : j.reason === 'bad-isa'
          ? 'ISA header whose delimiters cannot be read (element separator after ISA, ISA16, segment terminator): interchange skipped'
          : `segment longer than ${MAX_SEGMENT_LENGTH} bytes (wrong segment terminator?): skipped`;
    if (this.st !== null) this.st.problems.push({ location: at, message });
    else this.problem(at, message);
  }

  private openGroup(control: string): void {
    if (this.isa === null) {
      this.interchanges++;
      const location = `${this.file}:ISA[${this.interchanges}]`;
      this.problem(location, 'GS functional group without an ISA interchange header');
      this.isa = { n: this.interchanges, control: '', children: 0, location };
    }
    const n = ++this.isa.children;
    this.gs = { n, control, children: 0, location: `${this.isa.location}/GS[${n}]` };
  }

  private openSet(st: X12Segment): void {
    this.closeSet();
    if (this.gs === null) {
      this.openGroup('');
      this.problem(this.gs!.location, 'ST transaction set without a GS functional group header');
    }
    const gs = this.gs!;
    const n = ++gs.children;
    this.st = { n, control: element(st, 2), children: 1, location: `${gs.location}/ST[${n}]`, problems: [] };
    this.handler.start(st, this.st.location);
  }

  private se(se: X12Segment): void {
    const st = this.st;
    if (st === null) {
      this.problem(this.gs?.location ?? this.file, 'SE transaction set trailer without an ST: ignored');
      return;
    }
    const count = st.children + 1;
    const at = `${st.location}/SE`;
    if (!/^\d+$/.test(element(se, 1).trim()) || Number(element(se, 1)) !== count)
      st.problems.push({
        location: `${at}01`,
        message: `SE01 segment count is not ${count}, the segments ST to SE`,
      });
    if (!sameControl(element(se, 2), st.control))
      st.problems.push({ location: `${at}02`, message: 'SE02 control number differs from ST02' });
    this.st = null;
    this.handler.end(st.problems);
  }

  private ge(ge: X12Segment): void {
    this.closeSet();
    const gs = this.gs;
    if (gs === null) {
      this.problem(this.isa?.location ?? this.file, 'GE functional group trailer without a GS: ignored');
      return;
    }
    if (!/^\d+$/.test(element(ge, 1).trim()) || Number(element(ge, 1)) !== gs.children)
      this.problem(
        `${gs.location}/GE01`,
        `GE01 is not ${gs.children}, the number of transaction sets in the group`,
      );
    if (!sameControl(element(ge, 2), gs.control))
      this.problem(`${gs.location}/GE02`, 'GE02 control number differs from GS06');
    this.gs = null;
  }

  private iea(iea: X12Segment): void {
    this.closeGroup();
    const isa = this.isa;
    if (isa === null) {
      this.problem(this.file, 'IEA interchange trailer without an ISA: ignored');
      return;
    }
    if (!/^\d+$/.test(element(iea, 1).trim()) || Number(element(iea, 1)) !== isa.children)
      this.problem(`${isa.location}/IEA01`, `IEA01 is not ${isa.children}, the number of functional groups`);
    if (!sameControl(element(iea, 2), isa.control))
      this.problem(`${isa.location}/IEA02`, 'IEA02 control number differs from ISA13');
    this.isa = null;
  }

  private closeSet(): void {
    const st = this.st;
    if (st === null) return;
    st.problems.push({ location: `${st.location}/SE`, message: 'transaction set has no SE trailer' });
    this.st = null;
    this.handler.end(st.problems);
  }

  private closeGroup(): void {
    this.closeSet();
    if (this.gs !== null) this.problem(`${this.gs.location}/GE`, 'functional group has no GE trailer');
    this.gs = null;
  }

  private closeInterchange(): void {
    this.closeGroup();
    if (this.isa !== null) this.problem(`${this.isa.location}/IEA`, 'interchange has no IEA trailer');
    this.isa = null;
  }

  private problem(location: string, message: string): void {
    this.handler.envelopeProblem({ location, message });
  }
}
