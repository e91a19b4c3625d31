/* lexer.re: the tokenizer, compiled by re2c into the build folder.
 *
 * lexer_next() first settles what the layout owes (a queued INDENT or
 * DEDENT, the indentation of a new line, the end of input), then runs the
 * re2c rules for one token. Literals are built into AST nodes here, so the
 * parser receives finished Int, Float, Str and JoinedStr values. */
#include "frontend/lexer.h"
#include "parser.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

void lexer_init(Lexer *lx, Arena *a, DiagEngine *d, const char *text,
                size_t len, int line, int col, bool expr_mode)
{
	memset(lx, 0, sizeof *lx);
	lx->arena = a;
	lx->diag = d;
	lx->cur = text;
	lx->lim = text + len;
	lx->line_start = text;
	lx->line = lx->first_line = line;
	lx->col_offset = col - 1;
	lx->nindents = 1; /* indents[0] = 0: the module level */
	lx->expr_mode = expr_mode;
	lx->at_bol = !expr_mode;
	/* A UTF-8 byte order mark is not part of the program. */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		lx->cur += 3;
		lx->col_offset -= 3;
	}
}

static int column_of(const Lexer *lx, const char *p)
{
	int col = (int)(p - lx->line_start) + 1;
	return lx->line == lx->first_line ? col + lx->col_offset : col;
}

SrcRange lexer_pos(const Lexer *lx, const char *p)
{
	SrcRange r = {lx->tok_line, lx->tok_col, 0, 0};
	for (const char *q = lx->tok; q < p; q++) {
		if (*q == '\n' || (*q == '\r' && q[1] != '\n')) {
			r.line++;
			r.col = 1;
		} else {
			r.col++;
		}
	}
	r.end_line = r.line;
	r.end_col = r.col + 1;
	return r;
}

static SrcRange here(const Lexer *lx)
{
	int col = column_of(lx, lx->cur);
	return (SrcRange){lx->line, col, lx->line, col + 1};
}

static void newline_seen(Lexer *lx, const char *after)
{
	lx->line++;
	lx->line_start = after;
}

const char *lexer_block_name(int kind)
{
	switch (kind) {
	case TOK_IF: return "'if' statement";
	case TOK_ELIF: return "'elif' statement";
	case TOK_ELSE: return "'else' statement";
	case TOK_WHILE: return "'while' statement";
	case TOK_FOR: return "'for' statement";
	case TOK_TRY: return "'try' statement";
	case TOK_EXCEPT: return "'except' statement";
	case TOK_FINALLY: return "'finally' statement";
	case TOK_WITH: return "'with' statement";
	case TOK_DEF: return "function definition";
	case TOK_CLASS: return "class definition";
	default: return NULL;
	}
}

/* Finishes a token that spans tok..cur. */
static int emit(Lexer *lx, Token *t, int kind)
{
	t->kind = kind;
	t->range.line = lx->tok_line;
	t->range.col = lx->tok_col;
	t->range.end_line = lx->line;
	t->range.end_col = column_of(lx, lx->cur);
	if (kind != TOK_NEWLINE && kind != TOK_INDENT && kind != TOK_DEDENT) {
		if (!lx->line_has_tokens) {
			lx->stmt_kind = kind;
			lx->stmt_line = lx->tok_line;
			lx->colon_seen = false;
		}
		lx->line_has_tokens = true;
		if (kind == TOK_COLON && lx->nparens == 0)
			lx->colon_seen = true;
	}
	lx->last_kind = kind;
	return kind;
}

/* A layout token (INDENT, DEDENT, NEWLINE at end of input) has no text:
 * it sits where the next token will start. */
static int emit_layout(Lexer *lx, Token *t, int kind)
{
	lx->tok = lx->cur;
	lx->tok_line = lx->line;
	lx->tok_col = column_of(lx, lx->cur);
	return emit(lx, t, kind);
}

/* Skips a `match` statement whole: the rest of its logical line and every
 * following line indented deeper than it (or blank). */
static void skip_compound_statement(Lexer *lx)
{
	int depth = 0;
	const char *p = lx->cur;
	for (; p < lx->lim; p++) {
		if (*p == '(' || *p == '[' || *p == '{')
			depth++;
		else if ((*p == ')' || *p == ']' || *p == '}') && depth > 0)
			depth--;
		else if (*p == '\\' && p + 1 < lx->lim)
			p++;
		else if (*p == '\n' && depth == 0)
			break;
		if (*p == '\n')
			newline_seen(lx, p + 1);
	}
	int base = lx->indents[lx->nindents - 1];
	while (p < lx->lim) {
		newline_seen(lx, p + 1);
		const char *q = p + 1;
		int col = 0;
		while (*q == ' ' || *q == '\t')
			col = *q++ == ' ' ? col + 1 : (col / 8 + 1) * 8;
		bool blank = *q == '\n' || *q == '#' || *q == '\r' || q >= lx->lim;
		if (!blank && col <= base)
			break;
		p = memchr(q, '\n', (size_t)(lx->lim - q));
		if (!p)
			p = lx->lim;
	}
	lx->cur = p < lx->lim ? p + 1 : lx->lim;
	if (p >= lx->lim)
		lx->line_start = lx->cur;
	lx->at_bol = true;
}

/* `match` is a soft keyword: it starts a match statement only when its
 * logical line ends with ':' (no expression statement does) and it is not
 * an annotated name (`match: int`). */
static bool looks_like_match_statement(const Lexer *lx)
{
	const char *p = lx->cur;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == ':' || *p == '=' || *p == '.' || *p == ',' || *p == ';')
		return false;
	int depth = 0;
	char last = 0;
	for (; p < lx->lim; p++) {
		char c = *p;
		if (c == '#' && depth == 0) {
			while (p < lx->lim && *p != '\n')
				p++;
			break;
		}
		if (c == '\'' || c == '"') {
			const char *q = p + 1;
			while (q < lx->lim && *q != c && *q != '\n')
				q += *q == '\\' ? 2 : 1;
			p = q < lx->lim ? q : lx->lim - 1;
			last = c;
			continue;
		}
		if (c == '(' || c == '[' || c == '{')
			depth++;
		else if ((c == ')' || c == ']' || c == '}') && depth > 0)
			depth--;
		else if (c == '\\' && p[1] == '\n')
			p++;
		else if ((c == '\n' || c == '\r') && depth == 0)
			break;
		if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
			last = c;
	}
	return last == ':';
}

/* Measures the indentation of a new line outside brackets and queues the
 * layout tokens it calls for. Blank and comment-only lines are skipped
 * whole. Returns false at the end of input. */
static bool start_line(Lexer *lx)
{
	int col, alt;
	const char *p;
	for (;;) {
		col = alt = 0;
		p = lx->cur;
		for (;; p++) {
			if (*p == ' ') {
				col++;
				alt++;
			} else if (*p == '\t') {
				col = (col / 8 + 1) * 8;
				alt++;
			} else if (*p == '\f') {
				col = alt = 0;
			} else {
				break;
			}
		}
		if (*p == '#')
			while (*p && *p != '\n' && *p != '\r')
				p++;
		if (*p == '\r' || *p == '\n') {
			p += (*p == '\r' && p[1] == '\n') ? 2 : 1;
			lx->cur = p;
			newline_seen(lx, p);
			continue;
		}
		lx->cur = p;
		if (p >= lx->lim)
			return false;
		break;
	}
	lx->at_bol = false;
	SrcRange at = here(lx);
	at.col = column_of(lx, p);
	at.end_col = at.col + 1;
	int top = lx->indents[lx->nindents - 1];
	int alttop = lx->altindents[lx->nindents - 1];
	if (lx->want_block) {
		lx->want_block = false;
		if (col <= top)
			error_at(lx->diag, at, "expected an indented block after %s on line %d",
			         lexer_block_name(lx->block_kind), lx->block_line);
	}
	if (col == top) {
		if (alt != alttop)
			error_at(lx->diag, at, "inconsistent use of tabs and spaces in indentation");
	} else if (col > top) {
		if (lx->nindents == LEX_MAX_INDENT) {
			if (!lx->depth_reported)
				error_at(lx->diag, at, "too many levels of indentation");
			lx->depth_reported = true;
			return true;
		}
		if (alt <= alttop)
			error_at(lx->diag, at, "inconsistent use of tabs and spaces in indentation");
		lx->indents[lx->nindents] = col;
		lx->altindents[lx->nindents] = alt;
		lx->nindents++;
		lx->pending_indent = true;
	} else {
		while (lx->nindents > 1 && col < lx->indents[lx->nindents - 1]) {
			lx->nindents--;
			lx->pending_dedents++;
		}
		if (col != lx->indents[lx->nindents - 1]) {
			error_at(lx->diag, at, "unindent does not match any outer indentation level");
			/* Recover as if the line were indented like the block it
			 * falls into. */
		} else if (alt != lx->altindents[lx->nindents - 1]) {
			error_at(lx->diag, at, "inconsistent use of tabs and spaces in indentation");
		}
	}
	return true;
}

static int end_of_input(Lexer *lx, Token *t)
{
	if (lx->nparens > 0) {
		if (!lx->bracket_error)
			error_at(lx->diag, lx->parens[lx->nparens - 1].at, "'%c' was never closed",
			         lx->parens[lx->nparens - 1].ch);
		lx->nparens = 0;
		lx->bracket_error = true;
	}
	if (!lx->expr_mode) {
		if (lx->line_has_tokens) {
			lx->line_has_tokens = false;
			bool opens_block = lx->last_kind == TOK_COLON && lexer_block_name(lx->stmt_kind);
			int kind = emit_layout(lx, t, TOK_NEWLINE);
			if (opens_block) {
				lx->want_block = true;
				lx->block_kind = lx->stmt_kind;
				lx->block_line = lx->stmt_line;
				lx->block_end = t->range;
			}
			return kind;
		}
		if (lx->want_block) {
			lx->want_block = false;
			lx->end_reported = true;
			error_at(lx->diag, lx->block_end,
			         "expected an indented block after %s on line %d",
			         lexer_block_name(lx->block_kind), lx->block_line);
		}
		if (lx->nindents > 1) {
			lx->nindents--;
			return emit_layout(lx, t, TOK_DEDENT);
		}
	}
	lx->at_eof = true;
	return emit_layout(lx, t, 0);
}

static void open_paren(Lexer *lx, char ch)
{
	if (lx->nparens == LEX_MAX_PARENS) {
		if (lx->paren_overflow++ == 0)
			error_at(lx->diag, lexer_pos(lx, lx->tok), "too many nested parentheses");
		return;
	}
	lx->parens[lx->nparens].ch = ch;
	lx->parens[lx->nparens].at = lexer_pos(lx, lx->tok);
	lx->nparens++;
}

static void close_paren(Lexer *lx, char ch)
{
	SrcRange at = lexer_pos(lx, lx->tok);
	if (lx->paren_overflow > 0) {
		lx->paren_overflow--;
		return;
	}
	if (lx->nparens == 0) {
		if (!lx->expr_mode)
			error_at(lx->diag, at, "unmatched '%c'", ch);
		lx->bracket_error = true;
		return;
	}
	char open = lx->parens[lx->nparens - 1].ch;
	int open_line = lx->parens[lx->nparens - 1].at.line;
	lx->nparens--;
	if ((open == '(' && ch != ')') || (open == '[' && ch != ']') ||
	    (open == '{' && ch != '}')) {
		lx->bracket_error = true;
		if (open_line != at.line)
			error_at(lx->diag, at, "closing parenthesis '%c' does not match "
			         "opening parenthesis '%c' on line %d", ch, open, open_line);
		else
			error_at(lx->diag, at, "closing parenthesis '%c' does not match "
			         "opening parenthesis '%c'", ch, open);
	}
}

/* Scans a string literal whose prefix and opening quote are tok..cur and
 * builds its value. */
static int scan_string(Lexer *lx, Token *t)
{
	const char *prefix = lx->tok;
	char quote = lx->cur[-1];
	bool raw = false, fmt = false, bytes = false;
	for (const char *p = prefix; p < lx->cur - 1; p++) {
		raw |= *p == 'r' || *p == 'R';
		fmt |= *p == 'f' || *p == 'F';
		bytes |= *p == 'b' || *p == 'B';
	}
	bool triple = lx->cur[0] == quote && lx->cur[1] == quote;
	if (triple)
		lx->cur += 2;
	const char *body = lx->cur, *body_end = NULL;
	while (!body_end) {
		const char *p = lx->cur;
		if (p >= lx->lim) {
			/* CPython names the last line that has a character on it. */
			int last = lx->line - (p > lx->tok && (p[-1] == '\n' || p[-1] == '\r'));
			lx->end_reported = true;
			error_at(lx->diag, lexer_pos(lx, prefix), triple ? "unterminated "
			         "triple-quoted string literal (detected at line %d)" :
			         "unterminated string literal (detected at line %d)", last);
			body_end = p;
		} else if (*p == '\\') {
			p++;
			if (*p == '\r' && p[1] == '\n')
				p++;
			if (*p == '\n' || *p == '\r')
				newline_seen(lx, p + 1);
			lx->cur = p < lx->lim ? p + 1 : p;
		} else if (*p == '\n' || *p == '\r') {
			if (!triple) {
				error_at(lx->diag, lexer_pos(lx, prefix), "unterminated string "
				         "literal (detected at line %d)", lx->line);
				body_end = p;
				break;
			}
			if (*p == '\r' && p[1] == '\n')
				p++;
			newline_seen(lx, p + 1);
			lx->cur = p + 1;
		} else if (*p == quote && (!triple || (p[1] == quote && p[2] == quote))) {
			body_end = p;
			lx->cur = p + (triple ? 3 : 1);
		} else {
			if (*p == 0 && !lx->nul_reported) {
				error_at(lx->diag, lexer_pos(lx, p),
				         "source code cannot contain null bytes");
				lx->nul_reported = true;
			}
			lx->cur = p + 1;
		}
	}
	emit(lx, t, TOK_STRING);
	if (bytes) {
		error_at(lx->diag, t->range, "unsupported: bytes literal");
		fmt = false;
	}
	if (fmt) {
		t->value = make_fstring(lx, t->range, body, body_end, raw);
	} else {
		StrBuf b;
		sb_init(&b);
		decode_string_body(lx, &b, body, body_end, raw);
		Expr *e = mkexpr(lx->arena, EXPR_STR, t->range);
		e->u.str.s = arena_strndup(lx->arena, b.data ? b.data : "", b.len);
		e->u.str.len = b.len;
		sb_free(&b);
		t->value = e;
	}
	return TOK_STRING;
}

static int name_token(Lexer *lx, Token *t)
{
	if (!lx->line_has_tokens && !lx->expr_mode && lx->nparens == 0 &&
	    lx->cur - lx->tok == 5 && memcmp(lx->tok, "match", 5) == 0 &&
	    looks_like_match_statement(lx)) {
		error_at(lx->diag, lexer_pos(lx, lx->tok), "unsupported: match statement");
		/* A `pass` stands in for the skipped statement, so a block that
		 * held only the match is still a block. */
		emit(lx, t, TOK_PASS);
		skip_compound_statement(lx);
		lx->pending_newline = true;
		return TOK_PASS;
	}
	t->text = arena_strndup(lx->arena, lx->tok, (size_t)(lx->cur - lx->tok));
	return emit(lx, t, TOK_NAME);
}

/* "invalid hexadecimal literal" and its kin, by the literal's prefix. */
static const char *number_error(const char *tok)
{
	if (tok[0] == '0') {
		switch (tok[1]) {
		case 'x': case 'X': return "invalid hexadecimal literal";
		case 'o': case 'O': return "invalid octal literal";
		case 'b': case 'B': return "invalid binary literal";
		}
	}
	return "invalid decimal literal";
}

/* Reports a malformed number and skips what is glued to it, so one typo
 * gives one error; the parser sees the integer 0. */
static int bad_number(Lexer *lx, Token *t, const char *msg)
{
	static const char zero[] = "0";
	while (lx->cur < lx->lim && (isalnum((unsigned char)*lx->cur) || *lx->cur == '_' ||
	                             (unsigned char)*lx->cur >= 0x80))
		lx->cur++;
	emit(lx, t, TOK_INT);
	error_at(lx->diag, t->range, "%s", msg);
	t->value = make_int_literal(lx, t->range, zero, zero + 1);
	return TOK_INT;
}

/* CPython 3.11 lets a number touch only the keywords that may follow an
 * expression (`1if x else 2`); any other letter glued to it is an error. */
static bool number_may_end(const char *p)
{
	static const char *const keywords[] = {"and", "else", "for", "if", "in", "is", "not", "or"};
	if (!isalnum((unsigned char)*p) && *p != '_' && (unsigned char)*p < 0x80)
		return true;
	for (size_t i = 0; i < sizeof keywords / sizeof *keywords; i++)
		if (strncmp(p, keywords[i], strlen(keywords[i])) == 0)
			return true;
	return false;
}

static int number_token(Lexer *lx, Token *t, int kind)
{
	if (!number_may_end(lx->cur))
		return bad_number(lx, t, kind == TOK_FLOAT ? "invalid decimal literal"
		                                           : number_error(lx->tok));
	emit(lx, t, kind);
	t->value = kind == TOK_INT ? make_int_literal(lx, t->range, lx->tok, lx->cur)
	                           : make_float_literal(lx, t->range, lx->tok, lx->cur);
	return kind;
}

/* A run of identifier characters holding non-ASCII ones: an identifier
 * outside the subset, or a character Python has no use for (a curly quote
 * or a multiplication sign pasted from a document). */
static int non_ascii_token(Lexer *lx, Token *t)
{
	const unsigned char *p = (const unsigned char *)lx->tok;
	while (*p < 0x80)
		p++;
	uint32_t cp = 0;
	int n = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : 2;
	cp = *p & (0x7F >> n);
	for (int i = 1; i < n; i++)
		cp = cp << 6 | (p[i] & 0x3F);
	bool symbol = (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
	              (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
	              (cp >= 0xFF00 && cp <= 0xFF0F) || cp >= 0x1F000;
	SrcRange at = lexer_pos(lx, (const char *)p);
	if (symbol) {
		error_at(lx->diag, at, "invalid character '%.*s' (U+%04X)", n, (const char *)p,
		         (unsigned)cp);
		return -1;
	}
	error_at(lx->diag, lexer_pos(lx, lx->tok), "unsupported: non-ASCII identifier");
	t->text = arena_strndup(lx->arena, lx->tok, (size_t)(lx->cur - lx->tok));
	return emit(lx, t, TOK_NAME);
}

/*!re2c
	re2c:define:YYCTYPE = "unsigned char";
	re2c:define:YYCURSOR = "cur";
	re2c:define:YYMARKER = "mar";
	re2c:yyfill:enable = 0;
	re2c:indent:string = "\t";

	newline = "\r\n" | "\n" | "\r";
	idchar = [a-zA-Z0-9_];
	id = [a-zA-Z_] idchar*;
	nonascii = [\x80-\xff];
	digitpart = [0-9] ("_"? [0-9])*;
	decint = digitpart;
	hexint = "0" [xX] ("_"? [0-9a-fA-F])+;
	octint = "0" [oO] ("_"? [0-7])+;
	binint = "0" [bB] ("_"? [01])+;
	fraction = "." digitpart;
	exponent = [eE] [+-]? digitpart;
	pointfloat = digitpart? fraction | digitpart ".";
	float = pointfloat | (digitpart | pointfloat) exponent;
	strprefix = [rRuUfFbB] | [fFbB][rR] | [rR][fFbB];
*/

/* One token by the re2c rules; -1 when what was scanned yields none. */
static int scan_token(Lexer *lx, Token *t)
{
	const unsigned char *cur = (const unsigned char *)lx->cur, *mar;
	lx->tok = lx->cur;
	lx->tok_line = lx->line;
	lx->tok_col = column_of(lx, lx->cur);
#define SYNC() (lx->cur = (const char *)cur)
#define TOKEN(k) do { SYNC(); return emit(lx, t, TOK_##k); } while (0)
	/*!re2c
	"\x00" {
		SYNC();
		if (lx->cur - 1 >= lx->lim) {
			lx->cur = lx->lim;
			return end_of_input(lx, t);
		}
		if (!lx->nul_reported)
			error_at(lx->diag, lexer_pos(lx, lx->tok),
			         "source code cannot contain null bytes");
		lx->nul_reported = true;
		return -1;
	}
	[ \t\f]+ { SYNC(); return -1; }
	"#" [^\r\n\x00]* {
		SYNC();
		lx->comment_line = lx->tok_line;
		lx->comment_col = lx->tok_col;
		return -1;
	}
	"\\" newline {
		SYNC();
		newline_seen(lx, lx->cur);
		if (lx->cur >= lx->lim) {
			error_at(lx->diag, lexer_pos(lx, lx->tok), "unexpected EOF while parsing");
			lx->end_reported = true;
		}
		return -1;
	}
	"\\" {
		SYNC();
		lx->end_reported |= lx->cur >= lx->lim;
		error_at(lx->diag, lexer_pos(lx, lx->tok), lx->cur >= lx->lim ?
		         "unexpected EOF while parsing" :
		         "unexpected character after line continuation character");
		return -1;
	}
	newline {
		SYNC();
		newline_seen(lx, lx->cur);
		if (lx->nparens > 0 || lx->expr_mode || !lx->line_has_tokens) {
			lx->at_bol = lx->nparens == 0 && !lx->expr_mode;
			return -1;
		}
		lx->at_bol = true;
		lx->line_has_tokens = false;
		/* The NEWLINE token sits at the end of the line it ends, or at
		 * the comment that ends it. */
		t->kind = TOK_NEWLINE;
		int col = lx->comment_line == lx->tok_line ? lx->comment_col : lx->tok_col;
		t->range = (SrcRange){lx->tok_line, col, lx->tok_line, col + 1};
		if (lx->last_kind == TOK_COLON && lexer_block_name(lx->stmt_kind)) {
			lx->want_block = true;
			lx->block_kind = lx->stmt_kind;
			lx->block_line = lx->stmt_line;
			lx->block_end = t->range;
		}
		lx->last_kind = TOK_NEWLINE;
		return TOK_NEWLINE;
	}

	"False" { TOKEN(FALSE); }
	"None" { TOKEN(NONE); }
	"True" { TOKEN(TRUE); }
	"and" { TOKEN(AND); }
	"as" { TOKEN(AS); }
	"assert" { TOKEN(ASSERT); }
	"async" { TOKEN(ASYNC); }
	"await" { TOKEN(AWAIT); }
	"break" { TOKEN(BREAK); }
	"class" { TOKEN(CLASS); }
	"continue" { TOKEN(CONTINUE); }
	"def" { TOKEN(DEF); }
	"del" { TOKEN(DEL); }
	"elif" { TOKEN(ELIF); }
	"else" { TOKEN(ELSE); }
	"except" { TOKEN(EXCEPT); }
	"finally" { TOKEN(FINALLY); }
	"for" { TOKEN(FOR); }
	"from" { TOKEN(FROM); }
	"global" { TOKEN(GLOBAL); }
	"if" { TOKEN(IF); }
	"import" { TOKEN(IMPORT); }
	"in" { TOKEN(IN); }
	"is" { TOKEN(IS); }
	"lambda" { TOKEN(LAMBDA); }
	"nonlocal" { TOKEN(NONLOCAL); }
	"not" { TOKEN(NOT); }
	"or" { TOKEN(OR); }
	"pass" { TOKEN(PASS); }
	"raise" { TOKEN(RAISE); }
	"return" { TOKEN(RETURN); }
	"try" { TOKEN(TRY); }
	"while" { TOKEN(WHILE); }
	"with" { TOKEN(WITH); }
	"yield" { TOKEN(YIELD); }

	strprefix? ['"] { SYNC(); return scan_string(lx, t); }
	id { SYNC(); return name_token(lx, t); }
	(idchar | nonascii)* nonascii (idchar | nonascii)* {
		SYNC();
		return non_ascii_token(lx, t);
	}

	decint | hexint | octint | binint {
		SYNC();
		return number_token(lx, t, TOK_INT);
	}
	float {
		SYNC();
		return number_token(lx, t, TOK_FLOAT);
	}
	(float | digitpart) [jJ] {
		SYNC();
		return bad_number(lx, t, "unsupported: complex literal");
	}
	"0" [bB] ("_"? [01])* "_"? [2-9] | "0" [oO] ("_"? [0-7])* "_"? [89] {
		SYNC();
		char msg[48];
		snprintf(msg, sizeof msg, "invalid digit '%c' in %s literal", lx->cur[-1],
		         lx->tok[1] == 'b' || lx->tok[1] == 'B' ? "binary" : "octal");
		return bad_number(lx, t, msg);
	}
	("0" [xXoObB] | hexint | octint | binint | decint | float) "_" | "0" [xXoObB] {
		SYNC();
		return bad_number(lx, t, number_error(lx->tok));
	}

	"(" { SYNC(); open_paren(lx, '('); TOKEN(LPAR); }
	"[" { SYNC(); open_paren(lx, '['); TOKEN(LSQB); }
	"{" { SYNC(); open_paren(lx, '{'); TOKEN(LBRACE); }
	")" { SYNC(); close_paren(lx, ')'); TOKEN(RPAR); }
	"]" { SYNC(); close_paren(lx, ']'); TOKEN(RSQB); }
	"}" { SYNC(); close_paren(lx, '}'); TOKEN(RBRACE); }
	":" { TOKEN(COLON); }
	"," { TOKEN(COMMA); }
	";" { TOKEN(SEMI); }
	"+" { TOKEN(PLUS); }
	"-" { TOKEN(MINUS); }
	"*" { TOKEN(STAR); }
	"/" { TOKEN(SLASH); }
	"|" { TOKEN(VBAR); }
	"&" { TOKEN(AMPER); }
	"<" { TOKEN(LESS); }
	">" { TOKEN(GREATER); }
	"=" { TOKEN(EQUAL); }
	"." { TOKEN(DOT); }
	"%" { TOKEN(PERCENT); }
	"==" { TOKEN(EQEQUAL); }
	"!=" { TOKEN(NOTEQUAL); }
	"<=" { TOKEN(LESSEQUAL); }
	">=" { TOKEN(GREATEREQUAL); }
	"~" { TOKEN(TILDE); }
	"^" { TOKEN(CIRCUMFLEX); }
	"<<" { TOKEN(LEFTSHIFT); }
	">>" { TOKEN(RIGHTSHIFT); }
	"**" { TOKEN(DOUBLESTAR); }
	"+=" { TOKEN(PLUSEQUAL); }
	"-=" { TOKEN(MINEQUAL); }
	"*=" { TOKEN(STAREQUAL); }
	"/=" { TOKEN(SLASHEQUAL); }
	"%=" { TOKEN(PERCENTEQUAL); }
	"&=" { TOKEN(AMPEREQUAL); }
	"|=" { TOKEN(VBAREQUAL); }
	"^=" { TOKEN(CIRCUMFLEXEQUAL); }
	"<<=" { TOKEN(LEFTSHIFTEQUAL); }
	">>=" { TOKEN(RIGHTSHIFTEQUAL); }
	"**=" { TOKEN(DOUBLESTAREQUAL); }
	"//" { TOKEN(DOUBLESLASH); }
	"//=" { TOKEN(DOUBLESLASHEQUAL); }
	"@" { TOKEN(AT); }
	"@=" { TOKEN(ATEQUAL); }
	"->" { TOKEN(RARROW); }
	":=" { TOKEN(COLONEQUAL); }
	"..." {
		SYNC();
		emit(lx, t, TOK_NONE);
		error_at(lx->diag, t->range, "unsupported: Ellipsis");
		return TOK_NONE;
	}

	[\x01-\x7f] {
		SYNC();
		unsigned char c = (unsigned char)*lx->tok;
		if (c >= 0x20 && c < 0x7f)
			error_at(lx->diag, lexer_pos(lx, lx->tok), "invalid character '%c' "
			         "(U+%04X)", c, c);
		else
			error_at(lx->diag, lexer_pos(lx, lx->tok), "invalid non-printable "
			         "character U+%04X", c);
		return -1;
	}
	*/
#undef TOKEN
#undef SYNC
}

int lexer_next(Lexer *lx, Token *t)
{
	memset(t, 0, sizeof *t);
	if (lx->pending_newline) {
		lx->pending_newline = false;
		lx->line_has_tokens = false;
		return emit_layout(lx, t, TOK_NEWLINE);
	}
	if (lx->expr_mode && !lx->started) {
		lx->started = true;
		return emit_layout(lx, t, TOK_START_EXPR);
	}
	if (lx->at_eof)
		return emit_layout(lx, t, 0);
	for (;;) {
		if (lx->pending_dedents > 0) {
			lx->pending_dedents--;
			return emit_layout(lx, t, TOK_DEDENT);
		}
		if (lx->pending_indent) {
			lx->pending_indent = false;
			return emit_layout(lx, t, TOK_INDENT);
		}
		if (lx->at_bol && !start_line(lx))
			return end_of_input(lx, t);
		if (lx->pending_dedents > 0 || lx->pending_indent)
			continue;
		int kind = scan_token(lx, t);
		if (kind >= 0)
			return kind;
		if (diag_too_many(lx->diag)) {
			lx->cur = lx->lim;
			lx->nparens = 0;
			lx->at_eof = true;
			return emit_layout(lx, t, 0);
		}
	}
}
