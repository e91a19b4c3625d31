/* alloc.c: checked allocation and the arena every compilation uses. */
#include "support/support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void die(const char *fmt, ...)
{
	va_list ap;
	fputs("surgec: internal error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die("out of memory (%zu bytes)", n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die("out of memory (%zu x %zu bytes)", n, size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory (%zu bytes)", n);
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;
	return memcpy(xmalloc(n), s, n);
}

struct ArenaChunk {
	ArenaChunk *next;
	size_t size;
	/* Payload follows, aligned for any object. */
	_Alignas(16) char data[];
};

enum { ARENA_CHUNK = 64 * 1024, ARENA_ALIGN = 16 };

void arena_init(Arena *a)
{
	memset(a, 0, sizeof *a);
}

void arena_free(Arena *a)
{
	ArenaChunk *c = a->head;
	while (c) {
		ArenaChunk *next = c->next;
		free(c);
		c = next;
	}
	memset(a, 0, sizeof *a);
}

void *arena_alloc(Arena *a, size_t n)
{
	n = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (n == 0)
		n = ARENA_ALIGN;
	if ((size_t)(a->end - a->ptr) < n || !a->ptr) {
		size_t size = n > ARENA_CHUNK / 4 ? n : ARENA_CHUNK;
		ArenaChunk *c = xmalloc(sizeof *c + size);
		c->size = size;
		if (size == n && a->head) {
			/* A big block gets a chunk of its own, kept behind the
			 * current one so the current chunk's free space stays usable. */
			c->next = a->head->next;
			a->head->next = c;
			a->total += size;
			return memset(c->data, 0, n);
		}
		c->next = a->head;
		a->head = c;
		a->ptr = c->data;
		a->end = c->data + size;
		a->total += size;
	}
	void *p = a->ptr;
	a->ptr += n;
	return memset(p, 0, n);
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *arena_strdup(Arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}
