import ts from 'typescript';

const { SyntaxKind } = ts;

/**
 * The module specifiers of a file's top-level static `import` and `export ... from` statements,
 * type-only ones included, in source order.
 *
 * Dynamic `import()` is left out on purpose: loading a module on first use is how a package
 * defers a heavy part, and it does not make the importer's folder stand on the other.
 */
export function staticImportSpecifiers(text: string, fileName: string): string[] {
  return /\.tsx$/.test(fileName) ? parsedSpecifiers(text, fileName) : scannedSpecifiers(text);
}

// JSX text is not code: apostrophes and braces in it only make sense to a parser, so .tsx files,
// which are few, are parsed.
function parsedSpecifiers(text: string, fileName: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TSX);
  const specifiers: string[] = [];
  for (const statement of file.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

// The folder graph reads every file of a package on each lint run, so .ts files are read as the
// TypeScript scanner's tokens rather than as a syntax tree: several times faster, and unlike a
// regular expression not fooled by strings, comments, template literals or regular expressions
// that happen to hold `import ... from '...'`.
function scannedSpecifiers(text: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const specifiers: string[] = [];
  // What encloses the current token: a brace of code or a `${` of a template literal. Static
  // imports are statements of the module itself, so only tokens with nothing open count.
  const open: ('brace' | 'template')[] = [];
  let last: ts.SyntaxKind = SyntaxKind.Unknown;
  // Read through functions: the helpers below move the scanner, which a narrowed variable would hide.
  const token = (): ts.SyntaxKind => scanner.getToken();
  const previous = (): ts.SyntaxKind => last;

  const next = (): void => {
    last = scanner.getToken();
    const kind = scanner.scan();
    // The scanner cannot tell `a / b` from `/re/` by itself; after a token that ends an operand a
    // slash divides, anywhere else it starts a regular expression, whose text may hold quotes.
    if ((kind === SyntaxKind.SlashToken || kind === SyntaxKind.SlashEqualsToken) && !endsOperand(last)) scanner.reScanSlashToken();
  };

  // Skips `{ a, type b as c, "d-e" as f }` up to and past its closing brace.
  const skipNamedBindings = (): void => {
    while (token() !== SyntaxKind.CloseBraceToken && token() !== SyntaxKind.EndOfFileToken) next();
    next();
  };

  // At `from`: records the specifier that follows it, if a string does.
  const takeFrom = (): boolean => {
    if (token() !== SyntaxKind.FromKeyword) return false;
    next();
    if (token() !== SyntaxKind.StringLiteral) return false;
    specifiers.push(scanner.getTokenValue());
    next();
    return true;
  };

  // After `import`: a side-effect import, or a clause (`type`, a default name, `* as ns`, named
  // bindings, commas) and then `from`. `import(`, `import.meta` and `import x = require(...)` end
  // here without a specifier.
  const readImport = (): void => {
    next();
    if (token() === SyntaxKind.StringLiteral) {
      specifiers.push(scanner.getTokenValue());
      next();
      return;
    }
    for (;;) {
      if (token() === SyntaxKind.OpenBraceToken) {
        skipNamedBindings();
      } else if (token() === SyntaxKind.FromKeyword) {
        // `from` may also be a binding's name (`import from from './x.js'`): only a string after
        // it makes it the clause's end.
        if (takeFrom()) return;
      } else if (token() === SyntaxKind.Identifier || token() === SyntaxKind.CommaToken || token() === SyntaxKind.AsteriskToken || isNameKeyword(token())) {
        next();
      } else {
        return;
      }
    }
  };

  // After `export`: only `export [type] * [as ns] from` and `export [type] { ... } from` name a
  // module; any other export is a declaration whose tokens the main loop goes on reading.
  const readExport = (): void => {
    next();
    if (token() === SyntaxKind.TypeKeyword) {
      const kind = scanner.lookAhead(() => scanner.scan());
      if (kind !== SyntaxKind.OpenBraceToken && kind !== SyntaxKind.AsteriskToken) return;
      next();
    }
    if (token() === SyntaxKind.AsteriskToken) {
      next();
      if (token() === SyntaxKind.AsKeyword) {
        next();
        next();
      }
      takeFrom();
    } else if (token() === SyntaxKind.OpenBraceToken) {
      skipNamedBindings();
      takeFrom();
    }
  };

  next();
  while (token() !== SyntaxKind.EndOfFileToken) {
    if (open.length === 0 && token() === SyntaxKind.ImportKeyword && previous() !== SyntaxKind.DotToken) {
      readImport();
      continue;
    }
    if (open.length === 0 && token() === SyntaxKind.ExportKeyword && previous() !== SyntaxKind.DotToken) {
      readExport();
      continue;
    }
    switch (token()) {
      case SyntaxKind.OpenBraceToken:
        open.push('brace');
        break;
      case SyntaxKind.TemplateHead:
        open.push('template');
        break;
      case SyntaxKind.CloseBraceToken:
        if (open.at(-1) === 'template') {
          // This brace closes a `${`: the template's text goes on after it.
          if (scanner.reScanTemplateToken(false) === SyntaxKind.TemplateTail) open.pop();
        } else {
          open.pop();
        }
        break;
    }
    next();
  }
  return specifiers;
}

// Tokens after which a slash is a division: the end of a name, a literal or a bracketed operand.
function endsOperand(kind: ts.SyntaxKind): boolean {
  switch (kind) {
    case SyntaxKind.Identifier:
    case SyntaxKind.PrivateIdentifier:
    case SyntaxKind.NumericLiteral:
    case SyntaxKind.BigIntLiteral:
    case SyntaxKind.StringLiteral:
    case SyntaxKind.RegularExpressionLiteral:
    case SyntaxKind.NoSubstitutionTemplateLiteral:
    case SyntaxKind.TemplateTail:
    case SyntaxKind.CloseParenToken:
    case SyntaxKind.CloseBracketToken:
    case SyntaxKind.CloseBraceToken:
    case SyntaxKind.PlusPlusToken:
    case SyntaxKind.MinusMinusToken:
    case SyntaxKind.ThisKeyword:
    case SyntaxKind.SuperKeyword:
    case SyntaxKind.TrueKeyword:
    case SyntaxKind.FalseKeyword:
    case SyntaxKind.NullKeyword:
      return true;
    default:
      return false;
  }
}

// Words an import clause may hold besides plain identifiers: `type`, `as`, and any keyword used
// as a name after `as` (`import { default as x }`).
function isNameKeyword(kind: ts.SyntaxKind): boolean {
  return kind >= SyntaxKind.FirstKeyword && kind <= SyntaxKind.LastKeyword && kind !== SyntaxKind.FromKeyword && kind !== SyntaxKind.ImportKeyword && kind !== SyntaxKind.ExportKeyword;
}
