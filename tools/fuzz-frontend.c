/* fuzz-frontend.c: a libFuzzer target for the front end and the lowering.
 * Every input runs encoding check, lexer, parser, sema and the dumper; an
 * input they accept is lowered to IR, which must pass the verifier. Built only with -DSURGE_LIBFUZZER=ON and clang
 * (which instruments all of surgec's code for coverage); docs/testing.md, "Fuzzing", has the seed corpus and the run:
 *
 *   CC=clang-14 cmake -B build-fuzz -DSURGE_LIBFUZZER=ON -DSURGE_SANITIZE=ON
 *   cmake --build build-fuzz --target surge-fuzz-frontend
 *   build-fuzz/bin/surge-fuzz-frontend -max_total_time=300 CORPUS_DIR SEED_DIR
 */
#include "frontend/frontend.h"
#include "ir/ir.h"
#include "passes/passes.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	SourceFile src;
	source_from_string(&src, "fuzz.py", (const char *)data, size);
	DiagEngine diag;
	diag_init(&diag, &src);
	diag.quiet = true; /* diagnostics are expected; printing them is slow */
	Arena arena;
	arena_init(&arena);
	StrBuf out;
	sb_init(&out);
	if (check_source_encoding(&diag, &src)) {
		Module *m = parse_module(&arena, &diag, &src);
		if (sema_check(m, &diag) && diag.nerrors == 0) {
			ast_dump(&out, m);
			IRModule *ir = ir_lower(&arena, &diag, m, "fuzz.py");
			StrBuf errors;
			sb_init(&errors);
			if (ir && !ir_verify_module(ir, &errors)) {
				fprintf(stderr, "%s", errors.data);
				abort(); /* a bug in the lowering: make libFuzzer keep it */
			}
			if (ir) {
				ir_print_module(&out, ir);
				SummaryTable t;
				summaries_compute(&t, ir);
				summaries_print(&out, &t);
				summaries_free(&t);
				DdgOptions opts = {.show_names = true};
				ddg_print(&out, ir, &src, &opts);
			}
			sb_free(&errors);
		}
		dump_tokens(&out, &arena, &diag, &src);
	}
	sb_free(&out);
	arena_free(&arena);
	source_free(&src);
	return 0;
}
