/* surgec.c: the compiler driver. Options follow clang's conventions:
 * single-dash, `file:line:col: error:` diagnostics, exit 1 on errors. */
#include "frontend/frontend.h"

#include <stdio.h>
#include <string.h>

#ifndef SURGE_VERSION
#define SURGE_VERSION "0.0.0"
#endif

typedef enum Action { ACT_SYNTAX_ONLY, ACT_AST_DUMP, ACT_DUMP_TOKENS } Action;

static void usage(FILE *f)
{
	fputs("OVERVIEW: surgec, the Surge compiler: runs a sequential Python script\n"
	      "          as a graph of parallel tasks with CPython's exact behaviour\n"
	      "\n"
	      "USAGE: surgec [options] <file.py>\n"
	      "\n"
	      "OPTIONS:\n"
	      "  -fsyntax-only   Parse and check the program only (the default)\n"
	      "  -ast-dump       Print the abstract syntax tree\n"
	      "  -dump-tokens    Print the tokens the lexer produces\n"
	      "  --help          Print this help and exit\n"
	      "  --version       Print the version and exit\n"
	      "\n"
	      "The accepted Python subset is described in docs/language.md.\n", f);
}

/* Runs the front end on one file; returns the exit status. */
static int compile(const char *path, Action action)
{
	SourceFile src;
	if (!source_load(&src, path))
		return 1;
	DiagEngine diag;
	diag_init(&diag, &src);
	Arena arena;
	arena_init(&arena);
	StrBuf out;
	sb_init(&out);

	if (check_source_encoding(&diag, &src)) {
		if (action == ACT_DUMP_TOKENS) {
			dump_tokens(&out, &arena, &diag, &src);
		} else {
			/* A module with syntax errors is still well formed (bad
			 * statements are dropped), so sema reports its problems in the
			 * same run. Later stages may assume what sema checks (nesting
			 * depth above all), so they only see a module without errors. */
			Module *m = parse_module(&arena, &diag, &src);
			if (sema_check(m, &diag) && diag.nerrors == 0 && action == ACT_AST_DUMP)
				ast_dump(&out, m);
		}
	}
	if (out.len)
		fwrite(out.data, 1, out.len, stdout);
	int status = diag.nerrors ? 1 : 0;
	if (diag.nerrors)
		fprintf(stderr, "%d error%s generated.\n", diag.nerrors,
		        diag.nerrors == 1 ? "" : "s");
	sb_free(&out);
	arena_free(&arena);
	source_free(&src);
	if (fflush(stdout) != 0) {
		fprintf(stderr, "surgec: error: cannot write output\n");
		status = 1;
	}
	return status;
}

int main(int argc, char **argv)
{
	Action action = ACT_SYNTAX_ONLY;
	const char *input = NULL;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(a, "--version") == 0 || strcmp(a, "-version") == 0) {
			printf("surgec version %s\n", SURGE_VERSION);
			return 0;
		} else if (strcmp(a, "-fsyntax-only") == 0) {
			action = ACT_SYNTAX_ONLY;
		} else if (strcmp(a, "-ast-dump") == 0) {
			action = ACT_AST_DUMP;
		} else if (strcmp(a, "-dump-tokens") == 0) {
			action = ACT_DUMP_TOKENS;
		} else if (a[0] == '-' && a[1] != 0) {
			fprintf(stderr, "surgec: error: unknown argument: '%s'\n", a);
			fprintf(stderr, "surgec: note: see 'surgec --help'\n");
			return 1;
		} else if (input) {
			fprintf(stderr, "surgec: error: more than one input file: '%s' and '%s'\n",
			        input, a);
			return 1;
		} else {
			input = a;
		}
	}
	if (!input) {
		fprintf(stderr, "surgec: error: no input files\n");
		fprintf(stderr, "surgec: note: see 'surgec --help'\n");
		return 1;
	}
	return compile(input, action);
}
