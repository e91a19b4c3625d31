/* fstring.c: splits an f-string into literal text and replacement fields,
 * the way CPython 3.11 does (Parser/string_parser.c): `{{` and `}}` are
 * braces, a field is `{expr[=][!conv][:spec]}`, a spec may hold fields of
 * its own one level deep. Each field's expression is parsed by a fresh
 * parser over its text, so positions stay those of the source file. */
#include "frontend/lexer.h"

#include <string.h>

static const char *fstring_parts(Lexer *lx, ExprList *parts, const char *s,
                                 const char *e, bool raw, int depth);

/* After the first error in an f-string the rest of it is unreliable:
 * report that one only. */
#define fstring_error(lx, ...)                                 \
	do {                                                   \
		if (!(lx)->fstring_error)                      \
			error_at((lx)->diag, __VA_ARGS__);     \
		(lx)->fstring_error = true;                    \
	} while (0)

/* Appends literal text, merging it with a literal just before it. */
static void push_literal(Lexer *lx, ExprList *parts, StrBuf *text, const char *at)
{
	if (text->len == 0)
		return;
	Expr *last = parts->len ? parts->items[parts->len - 1] : NULL;
	if (last && last->kind == EXPR_STR) {
		char *s = arena_alloc(lx->arena, last->u.str.len + text->len + 1);
		memcpy(s, last->u.str.s, last->u.str.len);
		memcpy(s + last->u.str.len, text->data, text->len);
		last->u.str.s = s;
		last->u.str.len += text->len;
	} else {
		Expr *x = mkexpr(lx->arena, EXPR_STR, lexer_pos(lx, at));
		x->u.str.s = arena_strndup(lx->arena, text->data, text->len);
		x->u.str.len = text->len;
		exprlist_push(lx->arena, parts, x);
	}
	sb_clear(text);
}

/* Finds where a field's expression ends: at `}`, `!` (not `!=`), `:` or a
 * self-documenting `=`, outside brackets and strings. Returns NULL after
 * reporting what is wrong. */
static const char *find_expr_end(Lexer *lx, const char *s, const char *e)
{
	int nest = 0;
	char quote = 0;
	for (const char *q = s; q < e; q++) {
		char c = *q;
		if (quote) {
			if (c == quote)
				quote = 0;
			continue;
		}
		if (c == '\\') {
			fstring_error(lx, lexer_pos(lx, q),
			         "f-string expression part cannot include a backslash");
			return NULL;
		}
		if (c == '#') {
			fstring_error(lx, lexer_pos(lx, q),
			         "f-string expression part cannot include '#'");
			return NULL;
		}
		if (c == '\'' || c == '"') {
			quote = c;
		} else if (c == '(' || c == '[' || c == '{') {
			nest++;
		} else if (c == ')' || c == ']' || c == '}') {
			if (nest == 0) {
				if (c == '}')
					return q;
				fstring_error(lx, lexer_pos(lx, q), "f-string: unmatched '%c'", c);
				return NULL;
			}
			nest--;
		} else if (nest == 0) {
			bool next_eq = q + 1 < e && q[1] == '=';
			if (c == ':')
				return q;
			if (c == '!' && !next_eq)
				return q;
			if (c == '=' && !next_eq && q > s && !strchr("=!<>", q[-1]))
				return q;
			if ((c == '=' || c == '!') && next_eq)
				q++;
		}
	}
	if (quote)
		fstring_error(lx, lexer_pos(lx, s), "f-string: unterminated string");
	else
		fstring_error(lx, lexer_pos(lx, s), "f-string: expecting '}'");
	return NULL;
}

/* Parses one field after its `{`; returns where scanning resumes. */
static const char *fstring_field(Lexer *lx, ExprList *parts, StrBuf *lit,
                                 const char *s, const char *e, bool raw, int depth)
{
	if (depth >= 2) {
		fstring_error(lx, lexer_pos(lx, s - 1), "f-string: expressions nested too deeply");
		return e;
	}
	const char *q = find_expr_end(lx, s, e);
	if (!q)
		return e;
	const char *t = s;
	while (t < q && strchr(" \t\r\n\f", *t))
		t++;
	if (t == q) {
		fstring_error(lx, lexer_pos(lx, s - 1), "f-string: empty expression not allowed");
		return q + 1 < e ? q + 1 : e;
	}
	SrcRange at = lexer_pos(lx, s);
	Expr *value = parse_fstring_field(lx->arena, lx->diag,
	                                  arena_strndup(lx->arena, s, (size_t)(q - s)),
	                                  (size_t)(q - s), at.line, at.col);
	int conversion = 0;
	if (*q == '=') {
		/* f"{x = }" prints the text of the field, then its repr. */
		q++;
		while (q < e && strchr(" \t\r\n\f", *q))
			q++;
		sb_append(lit, s, (size_t)(q - s));
		push_literal(lx, parts, lit, s);
		if (q < e && *q != '!' && *q != ':')
			conversion = 'r';
	}
	if (q < e && *q == '!') {
		q++;
		if (q >= e || !strchr("rsa", *q)) {
			fstring_error(lx, lexer_pos(lx, q), "f-string: invalid conversion "
			         "character: expected 's', 'r', or 'a'");
			return e;
		}
		conversion = *q++;
	}
	Expr *spec = NULL;
	if (q < e && *q == ':') {
		spec = mkexpr(lx->arena, EXPR_JOINEDSTR, lexer_pos(lx, q + 1));
		q = fstring_parts(lx, &spec->u.joined.values, q + 1, e, raw, depth + 1);
	}
	if (q >= e || *q != '}') {
		fstring_error(lx, lexer_pos(lx, q < e ? q : e - 1), "f-string: expecting '}'");
		return e;
	}
	Expr *f = mkexpr(lx->arena, EXPR_FORMATTED, lexer_pos(lx, s - 1));
	SrcRange close = lexer_pos(lx, q);
	f->range.end_line = close.line;
	f->range.end_col = close.col + 1;
	f->u.formatted.value = value;
	f->u.formatted.conversion = conversion;
	f->u.formatted.spec = spec;
	exprlist_push(lx->arena, parts, f);
	return q + 1;
}

static const char *fstring_parts(Lexer *lx, ExprList *parts, const char *s,
                                 const char *e, bool raw, int depth)
{
	StrBuf lit;
	sb_init(&lit);
	const char *lit_at = s, *p = s;
	while (p < e) {
		if (*p == '{' && depth == 0 && p + 1 < e && p[1] == '{') {
			sb_putc(&lit, '{');
			p += 2;
		} else if (*p == '{') {
			push_literal(lx, parts, &lit, lit_at);
			p = fstring_field(lx, parts, &lit, p + 1, e, raw, depth);
			lit_at = p;
		} else if (*p == '}' && depth > 0) {
			break; /* the end of a format spec */
		} else if (*p == '}' && p + 1 < e && p[1] == '}') {
			sb_putc(&lit, '}');
			p += 2;
		} else if (*p == '}') {
			fstring_error(lx, lexer_pos(lx, p), "f-string: single '}' is not allowed");
			p++;
		} else {
			const char *q = p;
			while (q < e && *q != '{' && *q != '}')
				q++;
			decode_string_body(lx, &lit, p, q, raw);
			p = q;
		}
	}
	push_literal(lx, parts, &lit, lit_at);
	sb_free(&lit);
	return p;
}

Expr *make_fstring(Lexer *lx, SrcRange r, const char *s, const char *e, bool raw)
{
	Expr *js = mkexpr(lx->arena, EXPR_JOINEDSTR, r);
	lx->fstring_error = false;
	fstring_parts(lx, &js->u.joined.values, s, e, raw, 0);
	return js;
}
