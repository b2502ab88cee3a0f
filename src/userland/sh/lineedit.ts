// Interactive input with line editing (placeholder: cooked terminal reads until the editor
// lands). See lineedit design in docs/design/shell-parser.md.
import { FdInput } from './cmdloop.ts';

export class LineInput extends FdInput {
  constructor(fd: number) {
    super(fd, true);
  }
}
