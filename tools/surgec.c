/* surgec.c: the compiler driver. Options follow clang's conventions:
 * single-dash, `file:line:col: error:` diagnostics, exit 1 on errors. */
#include "frontend/frontend.h"
#include "ir/ir.h"
#include "passes/passes.h"
#include "backend/python_emit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef SURGE_VERSION
#define SURGE_VERSION "0.0.0"
#endif
#ifndef SURGE_VERIFY_EACH_DEFAULT
#define SURGE_VERIFY_EACH_DEFAULT 0
#endif

typedef enum Action {
	ACT_SYNTAX_ONLY, ACT_AST_DUMP, ACT_DUMP_TOKENS, ACT_PRINT_IR, ACT_PRINT_SUMMARIES,
	ACT_PRINT_DDG, ACT_PRINT_TASKS, ACT_EMIT_TASKS, ACT_PRINT_MEM
} Action;

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
	      "  -print-ir       Print the SSA IR (after the passes, if any run)\n"
	      "  -print-summaries  Print what each function reads, mutates and does\n"
	      "  -print-ddg      Print the statement dependence graph of each function\n"
	      "  -print-ddg-dot  The same graph for Graphviz (dot -Tsvg)\n"
	      "  -ddg-show-names Also show the WAR/WAW edges on names that SSA removed\n"
	      "  -print-mem      Print the memory estimate of each statement, with its formula\n"
	      "  -print-tasks    Print the partition into tasks and why statements share one\n"
	      "  -emit-tasks -o DIR  Write the task program: run it with python3 DIR [-j N]\n"
	      "  -emit-from-ir   With -emit-tasks: regenerate task bodies from the IR\n"
	      "  -print-python   Print the Python regenerated from the IR of every function\n"
	      "  -j N            The worker count to plan for (default: all cores)\n"
	      "  -freassociate   Let split loops regroup float sums (results may differ in\n"
	      "                  the last bits from the sequential program's)\n"
	      "  -passes=a,b     Run exactly these passes, in this order\n"
	      "  -print-after=P  Print the IR after pass P (a comma list is allowed)\n"
	      "  -print-after-all  Print the IR after every pass\n"
	      "  -debug-pass-manager  Say which pass runs on which function\n"
	      "  -time-passes    Print the time each pass took\n"
	      "  -verify-each    Verify the IR after every pass (on in test builds)\n"
	      "  --help          Print this help and exit\n"
	      "  --version       Print the version and exit\n"
	      "\n"
	      "PASSES (default pipeline: " PASS_DEFAULT_PIPELINE "):\n", f);
	pass_list(f);
	fputs("\nThe accepted Python subset is described in docs/language.md, the IR in\n"
	      "docs/ir.md.\n", f);
}

/* -print-ddg-dot and -ddg-show-names */
static DdgOptions ddg_options;
/* -o DIR for -emit-tasks */
static const char *output_dir;
/* -freassociate and the like, for the partitioner */
static PartitionOptions partition_options;
/* -emit-from-ir: task bodies regenerated from the IR; -print-python */
static bool emit_from_ir, print_python;

/* Lowers a checked module into SSA, runs the passes asked for, prints the
 * IR if asked. A verifier failure is a bug in surgec, reported as such
 * (exit 2, never a user's error). */
static int lower_and_run(StrBuf *out, Arena *arena, DiagEngine *diag, const Module *m,
                         const char *path, const PassOptions *passes, bool run_passes,
                         Action print)
{
	IRModule *ir = ir_lower(arena, diag, m, path);
	if (!ir)
		return 1;
	StrBuf errors;
	sb_init(&errors);
	int status = 0;
	if (!ir_verify_module(ir, &errors)) {
		fprintf(stderr, "surgec: internal error: the IR of '%s' is malformed after "
		        "lowering:\n%s", path, errors.data);
		status = 2;
	} else if (run_passes && !pass_run(ir, passes, out)) {
		status = 2;
	}
	if (print == ACT_PRINT_IR && print_python && status == 0) {
		py_leave_ssa(ir);
		py_print_module(out, ir);
	} else if (print == ACT_PRINT_IR) {
		ir_print_module(out, ir);
	} else if (print == ACT_PRINT_DDG && status == 0) {
		ddg_print(out, ir, diag->src, &ddg_options);
	} else if (print == ACT_PRINT_MEM && status == 0) {
		memest_print_module(out, ir, diag->src, path);
	} else if ((print == ACT_PRINT_TASKS || print == ACT_EMIT_TASKS) && status == 0) {
		/* precise types: immutable values do not tie objects together, and
		 * loop splitting needs to know which sums are of ints */
		typeinfer_run(ir);
		Partition *p = partition_build(ir, m, arena, diag->src, &partition_options);
		if (print == ACT_PRINT_TASKS)
			partition_print(out, p, diag->src);
		else if (emit_from_ir) {
			py_leave_ssa(ir);
			python_emit_from_ir(ir);
		}
		if (print == ACT_EMIT_TASKS && !emit_task_folder(p, diag->src, output_dir))
			status = 1;
		partition_free(p);
	} else if (print == ACT_PRINT_SUMMARIES && status == 0) {
		SummaryTable t;
		summaries_compute(&t, ir);
		summaries_print(out, &t);
		summaries_free(&t);
	}
	sb_free(&errors);
	return status;
}

/* Runs the front end on one file; returns the exit status. */
static int compile(const char *path, Action action, const PassOptions *passes,
                   bool run_passes)
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
	int status_ir = 0;

	if (check_source_encoding(&diag, &src)) {
		if (action == ACT_DUMP_TOKENS) {
			dump_tokens(&out, &arena, &diag, &src);
		} else {
			/* A module with syntax errors is still well formed (bad
			 * statements are dropped), so sema reports its problems in the
			 * same run. Later stages may assume what sema checks (nesting
			 * depth above all), so they only see a module without errors. */
			Module *m = parse_module(&arena, &diag, &src);
			if (sema_check(m, &diag) && diag.nerrors == 0) {
				if (action == ACT_AST_DUMP)
					ast_dump(&out, m);
				else if (action == ACT_PRINT_IR || action == ACT_PRINT_SUMMARIES ||
				         action == ACT_PRINT_DDG || action == ACT_PRINT_TASKS ||
				         action == ACT_EMIT_TASKS || action == ACT_PRINT_MEM || run_passes)
					status_ir = lower_and_run(&out, &arena, &diag, m, path, passes,
					                          run_passes, action);
			}
		}
	}
	if (out.len)
		fwrite(out.data, 1, out.len, stdout);
	int status = status_ir ? status_ir : diag.nerrors ? 1 : 0;
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
	/* Test builds verify the IR after every pass unless told otherwise. */
	PassOptions passes = {.verify_each = SURGE_VERIFY_EACH_DEFAULT};
	bool run_passes = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int r = pass_parse_option(a, &passes);
		if (r < 0)
			return 1;
		if (r > 0) {
			/* Any pass option means: run the pipeline. */
			run_passes |= strcmp(a, "-verify-each") != 0;
			continue;
		}
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
		} else if (strcmp(a, "-print-ir") == 0) {
			action = ACT_PRINT_IR;
		} else if (strcmp(a, "-print-summaries") == 0) {
			action = ACT_PRINT_SUMMARIES;
		} else if (strcmp(a, "-print-ddg") == 0) {
			action = ACT_PRINT_DDG;
		} else if (strcmp(a, "-print-mem") == 0) {
			action = ACT_PRINT_MEM;
		} else if (strcmp(a, "-print-ddg-dot") == 0) {
			action = ACT_PRINT_DDG;
			ddg_options.dot = true;
		} else if (strcmp(a, "-print-tasks") == 0) {
			action = ACT_PRINT_TASKS;
		} else if (strcmp(a, "-emit-tasks") == 0) {
			action = ACT_EMIT_TASKS;
		} else if (strcmp(a, "-o") == 0 || strncmp(a, "-o", 2) == 0) {
			const char *v = a[2] ? a + 2 : i + 1 < argc ? argv[++i] : NULL;
			if (!v || !*v) {
				fprintf(stderr, "surgec: error: argument to '-o' is missing (expected 1 value)\n");
				return 1;
			}
			output_dir = v;
		} else if (strcmp(a, "-j") == 0 || strncmp(a, "-j", 2) == 0) {
			const char *v = a[2] ? a + 2 : i + 1 < argc ? argv[++i] : NULL;
			char *end = NULL;
			long n = v ? strtol(v, &end, 10) : 0;
			if (!v || !*v || *end || n < 1 || n > 4096) {
				fprintf(stderr, "surgec: error: invalid value '%s' in '-j': expected a worker "
				        "count from 1 to 4096\n", v ? v : "");
				return 1;
			}
		} else if (strcmp(a, "-emit-from-ir") == 0) {
			emit_from_ir = true;
		} else if (strcmp(a, "-print-python") == 0) {
			action = ACT_PRINT_IR;
			print_python = true;
		} else if (strcmp(a, "-freassociate") == 0) {
			partition_options.freassociate = true;
		} else if (strcmp(a, "-ddg-show-names") == 0) {
			ddg_options.show_names = true;
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
	if (!pass_check_options(&passes))
		return 1;
	if (action == ACT_EMIT_TASKS && !output_dir) {
		fprintf(stderr, "surgec: error: -emit-tasks needs an output folder: -o DIR\n");
		return 1;
	}
	return compile(input, action, &passes, run_passes);
}
