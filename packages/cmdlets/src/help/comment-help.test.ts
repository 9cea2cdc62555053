import { describe, expect, it } from 'vitest';
import { parseCommentHelp } from './comment-help.js';

describe('comment-based help', () => {
  it('reads the keywords of a leading block comment', () => {
    const help = parseCommentHelp('\n<#\n.SYNOPSIS\n    Gets foo.\n.DESCRIPTION\n    Long text.\n.PARAMETER Name\n    The name.\n.EXAMPLE\n    Get-Foo -Name x\n    Gets x.\n#>\nparam($Name)\n');
    expect(help?.synopsis).toBe('Gets foo.');
    expect(help?.description).toBe('Long text.');
    expect(help?.parameters.get('name')).toBe('The name.');
    expect(help?.examples).toEqual([{ code: 'Get-Foo -Name x', remarks: 'Gets x.' }]);
  });

  it('reads # line comments, and ignores comments without keywords', () => {
    expect(parseCommentHelp('# .SYNOPSIS\n# Does it.\nparam()')?.synopsis).toBe('Does it.');
    expect(parseCommentHelp('# just a note\n1')).toBeUndefined();
  });
});
