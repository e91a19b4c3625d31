/* pass_manager.c: runs a pipeline of registered passes over a module, the
 * way LLVM's new pass manager runs a function pipeline: each function goes
 * through every pass before the next function starts. Around each pass it
 * can trace (-debug-pass-manager), time (-time-passes), dump
 * (-print-after, -print-after-all) and verify (-verify-each). */
#include "passes/passes.h"

#include <stdlib.h>
#include <time.h>

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static const char *function_name(const Function *f)
{
	return f->is_module || !f->name ? "<module>" : f->name;
}

static bool in_list(const char *list, const char *want)
{
	const char *name;
	size_t len;
	while (pass_next_name(&list, &name, &len))
		if (strlen(want) == len && memcmp(want, name, len) == 0)
			return true;
	return false;
}

/* Seconds spent in each registered pass, and the order they first ran in
 * (the order of the report). */
typedef struct Timing {
	double *seconds;
	int *order;
	int norder;
} Timing;

/* Laid out like LLVM's report so people who know one can read the other. */
static void print_timing(const Timing *t)
{
	double total = 0;
	for (int k = 0; k < t->norder; k++)
		total += t->seconds[t->order[k]];
	fprintf(stderr, "===--- Pass execution timing report ---===\n"
	                "  Total Execution Time: %.4f seconds\n\n"
	                "   ---Wall Time---  --- Name ---\n", total);
	for (int k = 0; k < t->norder; k++) {
		double s = t->seconds[t->order[k]];
		fprintf(stderr, "   %.4f (%5.1f%%)  %s\n", s, total > 0 ? 100 * s / total : 0.0,
		        pass_registry[t->order[k]].name);
	}
	fprintf(stderr, "   %.4f (100.0%%)  Total\n\n", total);
}

/* Runs one pass on f (NULL: a module pass, on the whole module) with
 * everything the options ask for around it; false when verification
 * failed. */
static bool run_one(IRModule *m, Function *f, int pass, const PassOptions *o,
                    Timing *t, StrBuf *out)
{
	const PassInfo *p = &pass_registry[pass];
	/* LLVM names the module "[module]" in the same places. */
	const char *on = f ? function_name(f) : "[module]";
	if (o->debug_pass_manager)
		fprintf(stderr, "Running pass: %s on %s\n", p->name, on);
	double start = o->time_passes ? now() : 0;
	if (f)
		p->run(f);
	else
		p->run_module(m);
	if (o->time_passes) {
		bool seen = false;
		for (int k = 0; k < t->norder; k++)
			seen |= t->order[k] == pass;
		if (!seen)
			t->order[t->norder++] = pass;
		t->seconds[pass] += now() - start;
	}
	/* Dump before verifying, so a broken pass can be seen at work. */
	if (o->print_after_all || (o->print_after && in_list(o->print_after, p->name))) {
		sb_printf(out, "*** IR Dump After %s on %s ***\n", p->name, on);
		if (f)
			ir_print_function(out, f);
		else
			ir_print_module(out, m);
	}
	if (o->verify_each) {
		StrBuf errors;
		sb_init(&errors);
		bool ok = ir_verify_module(m, &errors);
		if (!ok) {
			fprintf(stderr, "surgec: error: IR verification failed after %s:\n", p->name);
			if (errors.len) {
				fputs(errors.data, stderr);
				if (errors.data[errors.len - 1] != '\n')
					fputc('\n', stderr);
			}
		}
		sb_free(&errors);
		if (!ok)
			return false;
	}
	return true;
}

/* Runs the pipeline from *list up to the next module pass (each function
 * through all of those passes in turn), or that module pass alone, and
 * moves *list past them (NULL at the end). */
static bool run_segment(IRModule *m, const char **list, const PassOptions *o,
                        Timing *t, StrBuf *out)
{
	const char *start = *list, *name;
	size_t len;
	if (pass_next_name(list, &name, &len) && pass_registry[pass_lookup(name, len)].run_module)
		return run_one(m, NULL, pass_lookup(name, len), o, t, out);
	/* Function passes: find where they end, then run them per function. */
	int count = 1;
	for (const char *at = *list; at; count++) {
		const char *next = at;
		if (!pass_next_name(&next, &name, &len) ||
		    pass_registry[pass_lookup(name, len)].run_module)
			break;
		*list = at = next;
	}
	bool ok = true;
	for (int k = 0; ok && k < m->functions.len; k++) {
		const char *fl = start;
		for (int i = 0; ok && i < count; i++) {
			pass_next_name(&fl, &name, &len);
			ok = run_one(m, m->functions.items[k], pass_lookup(name, len), o, t, out);
		}
	}
	return ok;
}

bool pass_run(IRModule *m, const PassOptions *o, StrBuf *out)
{
	if (!pass_check_options(o))
		return false;
	const char *pipeline = o->pipeline ? o->pipeline : PASS_DEFAULT_PIPELINE;
	Timing t = {
		.seconds = xcalloc((size_t)pass_registry_len, sizeof *t.seconds),
		.order = xcalloc((size_t)pass_registry_len, sizeof *t.order),
	};
	bool ok = true;
	const char *segment = *pipeline ? pipeline : NULL;
	while (ok && segment)
		ok = run_segment(m, &segment, o, &t, out);
	if (o->time_passes)
		print_timing(&t);
	free(t.seconds);
	free(t.order);
	return ok;
}
