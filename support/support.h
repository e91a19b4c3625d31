/* support.h: what every layer of surgec uses: memory, vectors, strings,
 * diagnostics. Sectioned by the file that owns the functions. */
#ifndef SURGE_SUPPORT_H
#define SURGE_SUPPORT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* alloc.c */

/* Internal bugs and out-of-memory end the process; user errors never do. */
_Noreturn void die(const char *fmt, ...);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* An arena hands out memory that lives until the whole arena is freed:
 * one per compilation, so no node is ever freed on its own. */
typedef struct ArenaChunk ArenaChunk;
typedef struct Arena {
	ArenaChunk *head;
	char *ptr, *end;
	size_t total;
} Arena;

void arena_init(Arena *a);
void arena_free(Arena *a);
void *arena_alloc(Arena *a, size_t n);  /* zeroed, 16-byte aligned */
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_strdup(Arena *a, const char *s);

/* A growable array living in an arena, typed by the macro that defines
 * it: DEFINE_VEC(ExprList, Expr *, exprlist_push). Growth copies into a
 * fresh block; the old one stays in the arena, which bounds waste to 2x. */
#define DEFINE_VEC(Name, T, push)                                         \
	typedef struct Name { T *items; int len, cap; } Name;             \
	static inline void push(Arena *a, Name *v, T x)                   \
	{                                                                 \
		if (v->len == v->cap) {                                   \
			int nc = v->cap ? v->cap * 2 : 4;                 \
			T *n = arena_alloc(a, (size_t)nc * sizeof *n);    \
			if (v->len)                                       \
				memcpy(n, v->items, (size_t)v->len * sizeof *n); \
			v->items = n;                                     \
			v->cap = nc;                                      \
		}                                                         \
		v->items[v->len++] = x;                                   \
	}

/* strbuf.c */

/* A heap-backed byte string that grows; used for output and for decoding
 * literals. Always NUL-terminated after sb_* calls. */
typedef struct StrBuf {
	char *data;
	size_t len, cap;
} StrBuf;

void sb_init(StrBuf *b);
void sb_free(StrBuf *b);
void sb_clear(StrBuf *b);
void sb_putc(StrBuf *b, char c);
void sb_append(StrBuf *b, const char *s, size_t n);
void sb_puts(StrBuf *b, const char *s);
void sb_printf(StrBuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vprintf(StrBuf *b, const char *fmt, va_list ap);

/* diag.c */

/* A position in a source file: 1-based line, 1-based byte column. A range
 * ends at end_col, the column just past its last character. */
typedef struct SrcRange {
	int line, col;
	int end_line, end_col;
} SrcRange;

typedef struct SourceFile {
	const char *name;      /* as given on the command line */
	const char *text;      /* NUL-terminated copy of the file */
	size_t len;
	const char **lines;    /* start of each line, index 1..nlines */
	int nlines;
} SourceFile;

/* Reads a file; returns false (and says why on stderr) if it cannot. */
bool source_load(SourceFile *sf, const char *path);
void source_from_string(SourceFile *sf, const char *name, const char *text,
                        size_t len);
void source_free(SourceFile *sf);

typedef enum DiagLevel { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } DiagLevel;

/* Diagnostics in clang's form: file:line:col: error: msg, then the source
 * line and a caret. After DIAG_MAX_ERRORS errors compilation stops. */
enum { DIAG_MAX_ERRORS = 20 };

typedef struct DiagEngine {
	const SourceFile *src;
	int nerrors, nwarnings;
	int last_error_line;   /* one error per line: later ones are noise */
	bool stopped;          /* errors past the limit were dropped */
	bool color;
	bool quiet;            /* count, but print nothing (fuzzing) */
} DiagEngine;

void diag_init(DiagEngine *d, const SourceFile *src);
void diag_report(DiagEngine *d, DiagLevel lvl, SrcRange r, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void diag_vreport(DiagEngine *d, DiagLevel lvl, SrcRange r, const char *fmt,
                  va_list ap);
/* The range goes in __VA_ARGS__ so a compound literal (with its commas) may
 * stand for it. */
#define error_at(d, ...) diag_report((d), DIAG_ERROR, __VA_ARGS__)
/* True once DIAG_MAX_ERRORS errors were reported. */
bool diag_too_many(const DiagEngine *d);

#endif
