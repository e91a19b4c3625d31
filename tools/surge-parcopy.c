/* surge-parcopy: shows how out-of-SSA sequentializes a parallel copy.
 *
 * Reads Python tuple assignments of names on stdin, one per line
 * (`a, b, c = b, c, a`, or `a = b`), and prints for each the plain
 * copies passes/parcopy.c turns it into, one per line (`_t = a`), with a
 * blank line between inputs. Every block printed is valid Python doing
 * what the input line does: an input that needs no copy prints `pass`.
 *
 * The temporary that breaks cycles is `_t`, or when the line names `_t`
 * itself, the first of `_t1`, `_t2`, ... that it does not name. Blank
 * lines and lines whose first non-blank character is `#` are skipped. A
 * malformed line is reported as `surge-parcopy: error: line N: ...` on
 * stderr; the others are still printed, and the exit status is 1. */
#include "passes/passes.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

static void usage(FILE *f)
{
	fputs("USAGE: surge-parcopy [--help] [--version] < copies.txt\n"
	      "\n"
	      "Reads parallel copies, one per line, as Python tuple assignments of names:\n"
	      "  a, b, c = b, c, a\n"
	      "and prints for each the plain copies that do the same, one per line, fewest\n"
	      "possible, with a blank line between inputs (`pass` when none is needed). As\n"
	      "in Python, every value is read before any name is assigned and a name\n"
	      "assigned twice keeps its last value (`a, a = b, c` is `a = c`). Cycles are\n"
	      "broken with one temporary, `_t` (or `_t1`, `_t2`, ... if the line uses `_t`).\n"
	      "Blank lines and lines starting with `#` are skipped.\n"
	      "\n"
	      "Exit status: 0, or 1 when a line is malformed (reported on stderr as\n"
	      "`surge-parcopy: error: line N: ...`; the other lines are still done).\n", f);
}

/* A name: a slice of the line. */
typedef struct Name { const char *s; int len; } Name;

/* Names of one line interned to ids 0, 1, ... by open addressing. */
typedef struct Interner {
	Name *names;     /* by id */
	int n;
	int *slots;      /* id + 1, 0 when empty; cap is a power of 2 */
	size_t cap;
} Interner;

static uint64_t hash_name(const char *s, int len)
{
	uint64_t h = 1469598103934665603u;
	for (int k = 0; k < len; k++)
		h = (h ^ (unsigned char)s[k]) * 1099511628211u;
	return h;
}

/* The slot holding s, or the empty slot where it would go. */
static size_t find_slot(const Interner *in, const char *s, int len)
{
	size_t mask = in->cap - 1, k = (size_t)hash_name(s, len) & mask;
	for (;;) {
		int id = in->slots[k] - 1;
		if (id < 0 || (in->names[id].len == len && memcmp(in->names[id].s, s, (size_t)len) == 0))
			return k;
		k = (k + 1) & mask;
	}
}

/* max_names bounds the names the line can hold: the table never fills. */
static void interner_init(Interner *in, int max_names)
{
	in->cap = 16;
	while (in->cap < (size_t)max_names * 2)
		in->cap *= 2;
	in->slots = xcalloc(in->cap, sizeof *in->slots);
	in->names = xmalloc((size_t)(max_names ? max_names : 1) * sizeof *in->names);
	in->n = 0;
}

static void interner_free(Interner *in)
{
	free(in->slots);
	free(in->names);
}

static int intern(Interner *in, const char *s, int len)
{
	size_t k = find_slot(in, s, len);
	if (!in->slots[k]) {
		in->names[in->n] = (Name){s, len};
		in->slots[k] = ++in->n;
	}
	return in->slots[k] - 1;
}

static bool known(const Interner *in, const char *s, int len)
{
	return in->slots[find_slot(in, s, len)] != 0;
}

static const char *const keywords[] = {
	"False", "None", "True", "and", "as", "assert", "async", "await", "break",
	"class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
	"from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
	"pass", "raise", "return", "try", "while", "with", "yield",
};

static bool is_keyword(const char *s, int len)
{
	for (size_t k = 0; k < sizeof keywords / sizeof *keywords; k++)
		if ((int)strlen(keywords[k]) == len && memcmp(keywords[k], s, (size_t)len) == 0)
			return true;
	return false;
}

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }
static bool is_start(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static bool is_part(char c) { return is_start(c) || (c >= '0' && c <= '9'); }

typedef struct Parser {
	const char *s;
	int len, pos;
	long lineno;
	bool failed;
} Parser;

static void skip_blanks(Parser *p)
{
	while (p->pos < p->len && is_blank(p->s[p->pos]))
		p->pos++;
}

/* What is at the current position, for messages: 'c', '\xNN' or "end of
 * line". */
static void describe(const Parser *p, char *buf, size_t n)
{
	if (p->pos >= p->len) {
		snprintf(buf, n, "end of line");
		return;
	}
	unsigned char c = (unsigned char)p->s[p->pos];
	if (c >= 0x20 && c < 0x7f && c != '\'')
		snprintf(buf, n, "'%c'", c);
	else
		snprintf(buf, n, "'\\x%02x'", c);
}

static void fail_line(Parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail_line(Parser *p, const char *fmt, ...)
{
	if (p->failed)
		return;  /* one message a line */
	p->failed = true;
	fprintf(stderr, "surge-parcopy: error: line %ld: ", p->lineno);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* A comma-separated list of names into names[]; stops after the last
 * name, at what follows it. Returns the count, or -1 after an error. */
static int parse_names(Parser *p, Name *names, const char *side)
{
	int n = 0;
	for (;;) {
		skip_blanks(p);
		char what[16];
		if (p->pos >= p->len || !is_start(p->s[p->pos])) {
			describe(p, what, sizeof what);
			if (p->pos < p->len && (unsigned char)p->s[p->pos] >= 0x80)
				fail_line(p, "non-ASCII names are not supported (on the %s)", side);
			else if (p->pos < p->len && p->s[p->pos] >= '0' && p->s[p->pos] <= '9')
				fail_line(p, "expected a name on the %s, found a number", side);
			else
				fail_line(p, "expected a name on the %s, found %s", side, what);
			return -1;
		}
		int start = p->pos;
		while (p->pos < p->len && is_part(p->s[p->pos]))
			p->pos++;
		Name nm = {p->s + start, p->pos - start};
		if (p->pos < p->len && (unsigned char)p->s[p->pos] >= 0x80) {
			fail_line(p, "non-ASCII names are not supported (on the %s)", side);
			return -1;
		}
		if (is_keyword(nm.s, nm.len)) {
			fail_line(p, "'%.*s' is a keyword, not a name", nm.len, nm.s);
			return -1;
		}
		names[n++] = nm;
		skip_blanks(p);
		if (p->pos < p->len && p->s[p->pos] == ',') {
			p->pos++;
			continue;
		}
		return n;
	}
}

/* Parses and sequentializes one line; prints the copies to out. */
static void do_line(Parser *p, bool *first, FILE *out)
{
	/* At most one name per two bytes ("a,b,c"), plus one. */
	Name *names = xmalloc(((size_t)p->len / 2 + 2) * sizeof *names);
	int nl = parse_names(p, names, "left");
	int nr = -1;
	char what[16];
	if (nl >= 0) {
		if (p->pos < p->len && p->s[p->pos] == '=') {
			p->pos++;
			nr = parse_names(p, names + nl, "right");
			if (nr >= 0 && p->pos < p->len) {
				describe(p, what, sizeof what);
				fail_line(p, "expected ',' or end of line after the values, found %s%s", what,
				      p->s[p->pos] == '=' ? " (chained assignment is not a parallel copy)"
				                          : "");
			} else if (nr >= 0 && nl != nr) {
				fail_line(p, "%d name%s on the left but %d value%s on the right", nl,
				      nl == 1 ? "" : "s", nr, nr == 1 ? "" : "s");
			}
		} else {
			describe(p, what, sizeof what);
			fail_line(p, "expected ',' or '=' after the names, found %s", what);
		}
	}
	if (p->failed) {
		free(names);
		return;
	}

	Interner in;
	interner_init(&in, nl + nr);
	CopyPair *pairs = xmalloc((size_t)nl * sizeof *pairs);
	for (int k = 0; k < nl; k++)
		pairs[k].dst = intern(&in, names[k].s, names[k].len);
	for (int k = 0; k < nl; k++)
		pairs[k].src = intern(&in, names[nl + k].s, names[nl + k].len);

	/* The temporary: _t, or _t1, _t2, ... whichever the line does not
	 * name (at most nl + nr names, so one of the first nl + nr + 1 is
	 * free). */
	char tmp[32] = "_t";
	for (long k = 1; known(&in, tmp, (int)strlen(tmp)); k++)
		snprintf(tmp, sizeof tmp, "_t%ld", k);

	CopyPair *seq = xmalloc((size_t)(parcopy_max_copies(nl) + 1) * sizeof *seq);
	int n = parcopy_sequentialize(pairs, nl, in.n, in.n, seq);
	if (!*first)
		fputc('\n', out);
	*first = false;
	if (n == 0)
		fputs("pass\n", out);
	for (int k = 0; k < n; k++) {
		int ids[2] = {seq[k].dst, seq[k].src};
		for (int side = 0; side < 2; side++) {
			if (ids[side] == in.n)
				fputs(tmp, out);
			else
				fwrite(in.names[ids[side]].s, 1, (size_t)in.names[ids[side]].len, out);
			fputs(side ? "\n" : " = ", out);
		}
	}
	free(seq);
	free(pairs);
	interner_free(&in);
	free(names);
}

int main(int argc, char **argv)
{
	for (int k = 1; k < argc; k++) {
		if (strcmp(argv[k], "--help") == 0 || strcmp(argv[k], "-help") == 0 ||
		    strcmp(argv[k], "-h") == 0) {
			usage(stdout);
			return 0;
		}
		if (strcmp(argv[k], "--version") == 0) {
			printf("surge-parcopy (surge) %s\n", SURGE_VERSION);
			return 0;
		}
		fprintf(stderr, "surge-parcopy: error: unknown argument '%s'\n"
		        "surge-parcopy: see 'surge-parcopy --help'\n", argv[k]);
		return 1;
	}

	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	long lineno = 0;
	bool failed = false, first = true;
	errno = 0;
	while ((got = getline(&line, &cap, stdin)) >= 0) {
		lineno++;
		Parser p = {.s = line, .lineno = lineno};
		size_t len = (size_t)got;
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		if (len > (size_t)INT_MAX / 4) {
			fprintf(stderr, "surge-parcopy: error: line %ld: too long\n", lineno);
			failed = true;
			continue;
		}
		p.len = (int)len;
		skip_blanks(&p);
		if (p.pos == p.len || line[p.pos] == '#')
			continue;
		do_line(&p, &first, stdout);
		failed |= p.failed;
	}
	if (ferror(stdin)) {
		fprintf(stderr, "surge-parcopy: error: cannot read the input: %s\n", strerror(errno));
		failed = true;
	}
	free(line);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "surge-parcopy: error: cannot write the output\n");
		failed = true;
	}
	return failed ? 1 : 0;
}
