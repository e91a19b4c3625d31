/* diag.c: source files and clang-style diagnostics.
 *
 *   prog.py:3:7: error: expected ':'
 *       if x > 1
 *             ^
 */
#include "support/support.h"

#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* lines[i] is where line i starts, 1-based; a final newline starts an
 * empty last line, as editors count. */
static void index_lines(SourceFile *sf)
{
	int cap = 64, n = 0;
	sf->lines = xmalloc((size_t)cap * sizeof *sf->lines);
	sf->lines[0] = NULL;
	const char *p = sf->text, *end = sf->text + sf->len;
	for (;;) {
		if (n + 2 > cap) {
			cap *= 2;
			sf->lines = xrealloc(sf->lines, (size_t)cap * sizeof *sf->lines);
		}
		sf->lines[++n] = p;
		/* \n, \r\n and a lone \r all end a line, as in CPython. */
		while (p < end && *p != '\n' && *p != '\r')
			p++;
		if (p == end)
			break;
		p += p[0] == '\r' && p + 1 < end && p[1] == '\n' ? 2 : 1;
	}
	sf->nlines = n;
}

void source_from_string(SourceFile *sf, const char *name, const char *text,
                        size_t len)
{
	char *copy = xmalloc(len + 1);
	memcpy(copy, text, len);
	copy[len] = 0;
	sf->name = name;
	sf->text = copy;
	sf->len = len;
	index_lines(sf);
}

bool source_load(SourceFile *sf, const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "surgec: error: cannot open '%s': %s\n", path,
		        strerror(errno));
		return false;
	}
	StrBuf b;
	sb_init(&b);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sb_append(&b, chunk, n);
	bool bad = ferror(f);
	fclose(f);
	if (bad) {
		fprintf(stderr, "surgec: error: cannot read '%s': %s\n", path,
		        strerror(errno ? errno : EIO));
		sb_free(&b);
		return false;
	}
	source_from_string(sf, path, b.data ? b.data : "", b.len);
	sb_free(&b);
	return true;
}

void source_free(SourceFile *sf)
{
	free((void *)sf->text);
	free(sf->lines);
	memset(sf, 0, sizeof *sf);
}

void diag_init(DiagEngine *d, const SourceFile *src)
{
	memset(d, 0, sizeof *d);
	d->src = src;
	d->color = isatty(STDERR_FILENO) && getenv("NO_COLOR") == NULL;
}

bool diag_too_many(const DiagEngine *d)
{
	return d->nerrors >= DIAG_MAX_ERRORS;
}

/* Prints the source line with tabs expanded (so the caret lines up) and a
 * caret under the range's first column, tildes under the rest of it. */
static void print_snippet(const SourceFile *sf, SrcRange r)
{
	if (!sf || r.line < 1 || r.line > sf->nlines)
		return;
	const char *p = sf->lines[r.line];
	if (r.line == 1 && strncmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3; /* the byte order mark is not part of the line */
	const char *end = p;
	while (end < sf->text + sf->len && *end != '\n' && *end != '\r')
		end++;
	StrBuf line, mark;
	sb_init(&line);
	sb_init(&mark);
	int vcol = 0, byte = 1;
	int caret_end = r.end_line == r.line && r.end_col > r.col ? r.end_col : r.col + 1;
	for (const char *q = p; q < end; q++, byte++) {
		unsigned char c = (unsigned char)*q;
		int width = 1;
		if (c == '\t') {
			width = 8 - vcol % 8;
			for (int i = 0; i < width; i++)
				sb_putc(&line, ' ');
		} else {
			sb_putc(&line, (char)c);
			if ((c & 0xC0) == 0x80)
				width = 0; /* continuation byte of a UTF-8 character */
		}
		char m = byte == r.col ? '^' : byte > r.col && byte < caret_end ? '~' : ' ';
		for (int i = 0; i < width; i++)
			sb_putc(&mark, i == 0 ? m : (m == '^' ? '~' : m));
		vcol += width;
	}
	if (r.col >= byte)
		sb_putc(&mark, '^'); /* points past the end of the line */
	while (mark.len && mark.data[mark.len - 1] == ' ')
		mark.len--;
	fprintf(stderr, "%.*s\n%.*s\n", (int)line.len, line.data ? line.data : "",
	        (int)mark.len, mark.data ? mark.data : "");
	sb_free(&line);
	sb_free(&mark);
}

void diag_vreport(DiagEngine *d, DiagLevel lvl, SrcRange r, const char *fmt,
                  va_list ap)
{
	if (lvl == DIAG_ERROR) {
		if (diag_too_many(d)) {
			/* Said once, when the first error is dropped. */
			if (!d->stopped && !d->quiet)
				fprintf(stderr, "%s: fatal error: too many errors emitted, "
				        "stopping now\n", d->src ? d->src->name : "surgec");
			d->stopped = true;
			return;
		}
		d->nerrors++;
		d->last_error_line = r.line;
	} else if (lvl == DIAG_WARNING) {
		d->nwarnings++;
	}
	if (d->quiet)
		return;
	static const char *const names[] = {"error", "warning", "note"};
	static const char *const colors[] = {"\033[1;31m", "\033[1;35m", "\033[1;36m"};
	const char *file = d->src ? d->src->name : "surgec";
	if (d->color)
		fprintf(stderr, "\033[1m%s:%d:%d: %s%s:\033[0m\033[1m ", file, r.line,
		        r.col, colors[lvl], names[lvl]);
	else
		fprintf(stderr, "%s:%d:%d: %s: ", file, r.line, r.col, names[lvl]);
	vfprintf(stderr, fmt, ap);
	fputs(d->color ? "\033[0m\n" : "\n", stderr);
	print_snippet(d->src, r);
}

void diag_report(DiagEngine *d, DiagLevel lvl, SrcRange r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vreport(d, lvl, r, fmt, ap);
	va_end(ap);
}
