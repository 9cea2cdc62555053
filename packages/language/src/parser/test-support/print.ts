/**
 * A compact one-line rendering of the AST, so parser tests can state the expected tree shape
 * readably: `(+ 1 (* 2 3))`, `(cmd Get-Item -Path: x)`, `(= $x 5)`.
 */
import type {
  Ast,
  CommandElementAst,
  ExpressionAst,
  NamedBlockAst,
  PipelineBaseAst,
  RedirectionAst,
  ScriptBlockAst,
  StatementBlockAst,
  TypeName,
} from '../ast.js';

export function printType(t: TypeName): string {
  return t.fullName;
}

function block(b: StatementBlockAst | NamedBlockAst | null): string {
  if (b === null) return '';
  return [...b.traps.map(print), ...b.statements.map(print)].join('; ');
}

export function printScriptBlock(sb: ScriptBlockAst): string {
  const parts: string[] = [];
  if (sb.paramBlock !== null) {
    const attrs = sb.paramBlock.attributes.map(print).join('');
    parts.push(`${attrs}param(${sb.paramBlock.parameters.map(print).join(', ')})`);
  }
  for (const [name, b] of [
    ['begin', sb.beginBlock],
    ['process', sb.processBlock],
    ['end', sb.endBlock],
    ['clean', sb.cleanBlock],
  ] as const) {
    if (b === null) continue;
    parts.push(b.unnamed ? block(b) : `${name}{${block(b)}}`);
  }
  return parts.filter((p) => p.length > 0).join('; ');
}

function redirections(list: readonly RedirectionAst[]): string {
  return list.map((r) => (r.kind === 'MergingRedirection' ? ` ${r.fromStream}>&${r.toStream}` : ` ${r.fromStream}>${r.append ? '>' : ''}${print(r.location)}`)).join('');
}

function element(e: CommandElementAst): string {
  if (e.kind === 'CommandParameter') {
    return `-${e.parameterName}${e.hasColon ? ':' : ''}${e.argument !== null ? ` ${print(e.argument)}` : ''}`;
  }
  return print(e);
}

function pipeline(p: PipelineBaseAst): string {
  return print(p);
}

/** Renders any node. */
export function print(node: Ast): string {
  switch (node.kind) {
    case 'ScriptBlock':
      return printScriptBlock(node);
    case 'NamedBlock':
    case 'StatementBlock':
      return `{${block(node)}}`;
    case 'ParamBlock':
      return `param(${node.parameters.map(print).join(', ')})`;
    case 'Parameter':
      return `${node.attributes.map(print).join('')}${print(node.name)}${node.defaultValue !== null ? `=${print(node.defaultValue)}` : ''}`;
    case 'Attribute': {
      const args = [
        ...node.positionalArguments.map(print),
        ...node.namedArguments.map((a) => (a.expressionOmitted ? a.argumentName : `${a.argumentName}=${print(a.argument)}`)),
      ];
      return `[${printType(node.typeName)}(${args.join(', ')})]`;
    }
    case 'NamedAttributeArgument':
      return `${node.argumentName}=${print(node.argument)}`;
    case 'TypeConstraint':
      return `[${printType(node.typeName)}]`;
    case 'Pipeline': {
      const text = node.pipelineElements.map(print).join(' | ');
      return node.background ? `(bg ${text})` : text;
    }
    case 'PipelineChain':
      return `(${node.operator} ${print(node.lhs)} ${print(node.rhs)})${node.background ? '&' : ''}`;
    case 'AssignmentStatement':
      return `(${node.operator} ${print(node.left)} ${print(node.right)})`;
    case 'ErrorStatement':
      return '(error-statement)';
    case 'IfStatement': {
      const clauses = node.clauses.map((c) => `(${pipeline(c.condition)}) ${print(c.body)}`).join(' elseif ');
      return `(if ${clauses}${node.elseClause !== null ? ` else ${print(node.elseClause)}` : ''})`;
    }
    case 'SwitchStatement': {
      const flags = Object.entries(node.flags)
        .filter(([, v]) => v)
        .map(([k]) => ` -${k}`)
        .join('');
      const clauses = node.clauses.map((c) => ` ${print(c.condition)} ${print(c.body)}`).join('');
      const label = node.label !== null ? `:${node.label} ` : '';
      return `(${label}switch${flags} (${pipeline(node.condition)})${clauses}${node.defaultClause !== null ? ` default ${print(node.defaultClause)}` : ''})`;
    }
    case 'ForEachStatement':
      return `(${node.label !== null ? `:${node.label} ` : ''}foreach ${print(node.variable)} in ${pipeline(node.condition)} ${print(node.body)})`;
    case 'ForStatement': {
      const part = (p: PipelineBaseAst | null): string => (p === null ? '' : pipeline(p));
      return `(${node.label !== null ? `:${node.label} ` : ''}for (${part(node.initializer)}; ${part(node.condition)}; ${part(node.iterator)}) ${print(node.body)})`;
    }
    case 'WhileStatement':
      return `(${node.label !== null ? `:${node.label} ` : ''}while (${pipeline(node.condition)}) ${print(node.body)})`;
    case 'DoWhileStatement':
      return `(do ${print(node.body)} while (${pipeline(node.condition)}))`;
    case 'DoUntilStatement':
      return `(do ${print(node.body)} until (${pipeline(node.condition)}))`;
    case 'BreakStatement':
      return node.label !== null ? `(break ${print(node.label)})` : '(break)';
    case 'ContinueStatement':
      return node.label !== null ? `(continue ${print(node.label)})` : '(continue)';
    case 'ReturnStatement':
    case 'ExitStatement':
    case 'ThrowStatement': {
      const word = node.kind === 'ReturnStatement' ? 'return' : node.kind === 'ExitStatement' ? 'exit' : 'throw';
      return node.pipeline !== null ? `(${word} ${pipeline(node.pipeline)})` : `(${word})`;
    }
    case 'TryStatement': {
      const catches = node.catchClauses.map((c) => ` catch${c.catchTypes.map((t) => ` ${print(t)}`).join(',')} ${print(c.body)}`).join('');
      return `(try ${print(node.body)}${catches}${node.finally !== null ? ` finally ${print(node.finally)}` : ''})`;
    }
    case 'CatchClause':
      return `catch ${print(node.body)}`;
    case 'TrapStatement':
      return `(trap${node.trapType !== null ? ` ${print(node.trapType)}` : ''} ${print(node.body)})`;
    case 'FunctionDefinition': {
      const params = node.parameters !== null ? `(${node.parameters.map(print).join(', ')})` : '';
      return `(${node.isFilter ? 'filter' : 'function'} ${node.name}${params} {${printScriptBlock(node.body)}})`;
    }
    case 'BlockStatement':
      return `(${node.keyword} ${print(node.body)})`;
    case 'Command': {
      const op = node.invocationOperator !== null ? `${node.invocationOperator} ` : '';
      return `(${op}cmd ${node.commandElements.map(element).join(' ')}${redirections(node.redirections)})`;
    }
    case 'CommandExpression':
      return node.redirections.length > 0 ? `(${print(node.expression)}${redirections(node.redirections)})` : print(node.expression);
    case 'CommandParameter':
      return element(node);
    case 'FileRedirection':
    case 'MergingRedirection':
      return redirections([node]).trim();
    default:
      return printExpression(node);
  }
}

function printExpression(e: ExpressionAst): string {
  switch (e.kind) {
    case 'BinaryExpression':
      return `(${e.caseSensitive ? e.operator.replace('-', '-c') : e.operator} ${print(e.left)} ${print(e.right)})`;
    case 'UnaryExpression':
      if (e.postfix) return `(post${e.operator} ${print(e.child)})`;
      return `(${e.caseSensitive ? e.operator.replace('-', '-c') : e.operator} ${print(e.child)})`;
    case 'TernaryExpression':
      return `(? ${print(e.condition)} ${print(e.ifTrue)} ${print(e.ifFalse)})`;
    case 'ConvertExpression':
      return `(${print(e.type)} ${print(e.child)})`;
    case 'AttributedExpression':
      return `(${print(e.attribute)} ${print(e.child)})`;
    case 'Constant':
      return e.numericType === 'Int32' ? String(e.value) : `${e.decimalText ?? e.integerValue?.toString() ?? String(e.value)}:${e.numericType}`;
    case 'StringConstant':
      switch (e.stringConstantType) {
        case 'BareWord':
          return e.value;
        case 'SingleQuoted':
        case 'SingleQuotedHereString':
          return `'${e.value}'`;
        default:
          return `"${e.value}"`;
      }
    case 'ExpandableString':
      return `(expand ${e.parts.map((p) => (p.kind === 'StringConstant' ? JSON.stringify(p.value) : print(p))).join(' ')})`;
    case 'Variable':
      return `${e.splatted ? '@' : '$'}${e.braced ? `{${e.variablePath.userPath}}` : e.variablePath.userPath}`;
    case 'MemberExpression':
      return `(${e.nullConditional ? '?.' : e.isStatic ? '::' : '.'} ${print(e.expression)} ${print(e.member)})`;
    case 'InvokeMemberExpression':
      return `(${e.isStatic ? '::' : '.'}call ${print(e.expression)} ${print(e.member)}${e.arguments.map((a) => ` ${print(a)}`).join('')})`;
    case 'IndexExpression':
      return `(${e.nullConditional ? '?[]' : '[]'} ${print(e.target)} ${print(e.index)})`;
    case 'TypeExpression':
      return `[${printType(e.typeName)}]`;
    case 'ArrayLiteral':
      return `(, ${e.elements.map(print).join(' ')})`;
    case 'ArrayExpression':
      return `@(${block(e.subExpression)})`;
    case 'SubExpression':
      return `$(${block(e.subExpression)})`;
    case 'ParenExpression':
      return `(paren ${print(e.pipeline)})`;
    case 'Hashtable':
      return `@{${e.pairs.map((p) => `${print(p.key)}=${print(p.value)}`).join('; ')}}`;
    case 'ScriptBlockExpression':
      return `{${printScriptBlock(e.scriptBlock)}}`;
    case 'ErrorExpression':
      return '(error)';
  }
}
