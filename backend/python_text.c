/* python_text.c: copying statements out of the source, re-indented.
 *
 * The emitter keeps the user's own code: each statement is copied from the
 * source as written (comments and all) and only its indentation changes,
 * so a task is as readable as the program and does exactly what it did.
 * Re-indenting is only safe outside string literals: a triple-quoted
 * string's continuation lines keep their spaces, and a small scanner finds
 * which lines start inside one. */
#include "backend/python_emit.h"

typedef struct Scan {
	int quote;      /* 0 outside a string, else the quote character */
	bool triple;
	bool comment;
} Scan;

/* Advances the scanner over one character at p (end is the text's end);
 * returns how many characters it consumed. */
static int scan_step(Scan *s, const char *p, const char *end)
{
	char c = *p;
	if (s->comment) {
		if (c == '\n')
			s->comment = false;
		return 1;
	}
	if (!s->quote) {
		if (c == '#') {
			s->comment = true;
			return 1;
		}
		if (c == '\'' || c == '"') {
			s->quote = c;
			s->triple = end - p >= 3 && p[1] == c && p[2] == c;
			return s->triple ? 3 : 1;
		}
		return 1;
	}
	if (c == '\\')
		return end - p >= 2 ? 2 : 1; /* escapes the next character, newline too */
	if (c == s->quote) {
		if (!s->triple) {
			s->quote = 0;
			return 1;
		}
		if (end - p >= 3 && p[1] == c && p[2] == c) {
			s->quote = 0;
			return 3;
		}
	}
	if (c == '\n' && !s->triple)
		s->quote = 0; /* an unterminated string: the parser rejected it */
	return 1;
}

static const char *pos_of(const SourceFile *src, int line, int col)
{
	if (line < 1)
		return src->text;
	if (line > src->nlines)
		return src->text + src->len;
	const char *p = src->lines[line] + (col > 0 ? col - 1 : 0);
	return p > src->text + src->len ? src->text + src->len : p;
}

void put_source(StrBuf *out, const SourceFile *src, SrcRange r, const char *indent,
                const TextSubst *subst)
{
	const char *start = pos_of(src, r.line, r.col);
	const char *end = pos_of(src, r.end_line, r.end_col);
	const char *sub_start = subst ? pos_of(src, subst->range.line, subst->range.col) : NULL;
	const char *sub_end = subst ? pos_of(src, subst->range.end_line, subst->range.end_col) : NULL;
	/* the statement's own indentation, stripped from its other lines */
	const char *ls = src->lines[r.line < 1 ? 1 : r.line];
	size_t base = 0;
	while (ls + base < start && (ls[base] == ' ' || ls[base] == '\t'))
		base++;
	sb_puts(out, indent);
	Scan sc = {0};
	const char *p = start;
	while (p < end) {
		if (p == sub_start && subst->replace) {
			/* the expression is whole: skipping it leaves the scanner
			 * outside any string, as it found it */
			sb_puts(out, subst->before);
			sb_puts(out, subst->after);
			p = sub_end;
			continue;
		}
		if (p == sub_start)
			sb_puts(out, subst->before);
		if (p == sub_end && !subst->replace)
			sb_puts(out, subst->after);
		if (*p == '\r' && p + 1 < end && p[1] == '\n') {
			p++;
			continue;
		}
		int n = scan_step(&sc, p, end);
		sb_append(out, p, (size_t)n);
		bool newline = p[n - 1] == '\n';
		p += n;
		if (!newline || p >= end)
			continue;
		if (sc.quote)
			continue; /* inside a string: the line is copied as it is */
		/* a new line of code: replace its indentation */
		size_t k = 0;
		if (strncmp(p, ls, base) == 0 && (size_t)(end - p) >= base)
			k = base;
		else
			while (p + k < end && (p[k] == ' ' || p[k] == '\t'))
				k++;
		p += k;
		if (p < end && *p != '\n')
			sb_puts(out, indent);
	}
	if (sub_end == end && subst && !subst->replace)
		sb_puts(out, subst->after);
	sb_putc(out, '\n');
}

void put_source_inline(StrBuf *out, const SourceFile *src, SrcRange r)
{
	const char *start = pos_of(src, r.line, r.col);
	const char *end = pos_of(src, r.end_line, r.end_col);
	for (const char *p = start; p < end; p++)
		sb_putc(out, *p == '\n' || *p == '\r' ? ' ' : *p);
}
