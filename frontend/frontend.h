/* frontend.h: what the rest of surgec sees of the front end: source text
 * in, a checked AST out. */
#ifndef SURGE_FRONTEND_H
#define SURGE_FRONTEND_H

#include "frontend/ast.h"

typedef struct Parser Parser;

/* encoding.c */

/* CPython reads source as UTF-8: reports the first byte that is not. */
bool check_source_encoding(DiagEngine *d, const SourceFile *src);

/* parser.y */

/* Parses a whole file. Always returns a module; errors are in d. */
Module *parse_module(Arena *a, DiagEngine *d, const SourceFile *src);
/* The token stream of -dump-tokens. */
void dump_tokens(StrBuf *out, Arena *a, DiagEngine *d, const SourceFile *src);

/* sema.c */

/* The checks CPython makes at compile time that the grammar does not
 * (break outside a loop, return outside a function, nesting depth), and
 * the subset's own limits on names and modules. */
bool sema_check(const Module *m, DiagEngine *d);

#endif
