/** Get-Help: the help page of a command, or the list of commands a wildcard matches. */
import { defineCmdlet } from '../session/cmdlet.js';
import { errorRecord, hasWildcard, wildcardToRegExp, PSObject, isSwitchOn } from '@dpmsh/runtime';
import type { PSSwitch } from '@dpmsh/runtime';
import type { CommandInfo } from '../session/commands.js';
import { helpDocument, helpObject, parameterHelpObject, visibleParameters } from '../help/help-page.js';
import type { HelpDocument, HelpView } from '../help/help-page.js';
import { syntaxLines } from '../help/syntax.js';

interface GetHelpParameters {
  Name?: string;
  Parameter?: string[];
  Full?: PSSwitch;
  Detailed?: PSSwitch;
  Examples?: PSSwitch;
}

/** Get-Help's error for a name no command or topic answers to. */
function helpNotFound(name: string) {
  return errorRecord(
    `Get-Help could not find ${name} in a help file in this session. To download updated help topics type: "Update-Help". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116.`,
    'HelpNotFound',
    'ResourceUnavailable',
    { typeName: 'System.Management.Automation.HelpNotFoundException', targetObject: name },
  );
}

/** Get-Help. */
export const getHelp = defineCmdlet<GetHelpParameters>({
  name: 'Get-Help',
  aliases: ['help'],
  defaultParameterSet: 'AllUsersView',
  parameters: [
    { name: 'Name', type: 'string', sets: { __AllParameterSets: { position: 0, valueFromPipelineByPropertyName: true } }, description: 'The command to show help for; wildcards list the matching commands.' },
    { name: 'Full', type: 'switch', sets: { AllUsersView: {} }, description: 'Shows the whole page: parameters with their attributes, inputs, outputs, notes and examples.' },
    { name: 'Detailed', type: 'switch', sets: { DetailedView: { mandatory: true } }, description: 'Adds the parameter descriptions and the examples.' },
    { name: 'Examples', type: 'switch', sets: { Examples: { mandatory: true } }, description: 'Shows only the name, synopsis and examples.' },
    { name: 'Parameter', type: 'string[]', sets: { Parameters: { mandatory: true } }, description: 'Shows only these parameters (wildcards allowed).' },
  ],
  help: {
    synopsis: 'Displays information about PowerShell commands and concepts.',
    description: 'Shows the help of a cmdlet or function: generated from the cmdlet\'s metadata, or from a function\'s comment-based help. `help` and `-?` show the same.',
    examples: [
      { title: 'Read the synopsis', code: '(Get-Help Write-Warning).Synopsis', output: 'Writes a warning message.' },
      { title: 'Show the help of a function', code: 'function Get-Answer { <#\n.SYNOPSIS\nGives the answer.\n#>\nparam() 42 }\n(Get-Help Get-Answer).Synopsis', output: 'Gives the answer.' },
    ],
  },
  async process(ctx) {
    const p = ctx.params;
    const name = p.Name ?? 'Get-Help';
    const registry = ctx.session.registry;
    let commands: CommandInfo[];
    if (hasWildcard(name)) {
      commands = registry.getCommands({ name, commandType: ['Function', 'Filter', 'Cmdlet'] }, ctx.scope);
    } else {
      const found = registry.resolve(name, ctx.scope);
      commands = found ? [found] : [];
    }
    const docs = commands.map((c) => helpDocument(c, ctx.session, ctx.scope)).filter((d): d is HelpDocument => d !== undefined);
    if (docs.length === 0) {
      if (hasWildcard(name)) return;
      ctx.throwTerminating(helpNotFound(name));
    }
    if (docs.length > 1) {
      for (const doc of docs) {
        const row = new PSObject(['HelpInfoShort', 'System.Object']);
        row.addNote('Name', doc.name);
        row.addNote('Category', doc.category);
        row.addNote('Module', doc.module);
        row.addNote('Synopsis', doc.synopsis || syntaxLines(doc.name, doc.metadata).join('\n'));
        await ctx.write(row);
      }
      return;
    }
    const doc = docs[0];
    if (p.Parameter !== undefined) {
      const patterns = p.Parameter.map((n) => wildcardToRegExp(n));
      const matching = visibleParameters(doc).filter((param) => patterns.some((re) => re.test(param.name)));
      if (matching.length === 0) {
        ctx.throwTerminating(
          errorRecord(`No parameter matches criteria ${p.Parameter.join(', ')}.`, 'NoParmsFound', 'InvalidArgument', { typeName: 'System.ArgumentException', targetObject: p.Parameter.join(', ') }),
        );
      }
      for (const param of matching) {
        await ctx.write(parameterHelpObject(doc, param));
      }
      return;
    }
    const view: HelpView = isSwitchOn(p.Full) ? 'Full' : isSwitchOn(p.Detailed) ? 'Detailed' : isSwitchOn(p.Examples) ? 'Examples' : 'Default';
    await ctx.write(helpObject(doc, view));
  },
});
