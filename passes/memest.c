/* memest.c: the memory estimator's driver and interface (passes.h).
 *
 * The module body is analyzed first; each call of a user function it
 * makes analyzes the callee with the arguments' values (a calling
 * context), memoized, so `make(120)` is sized for 120. A function's
 * results are the largest over the contexts reached from the module; one
 * that nothing reaches is analyzed alone, its parameters' lengths named
 * len_of('param'). Recursion and a work budget stop with "unknown". */
#include "passes/memest.h"

#include <stdio.h>
#include <stdlib.h>

#define SY (&E->S)

enum {
	MAX_DEPTH = 24,           /* nested calls analyzed */
	/* instruction visits (an instruction each round of each context) in
	 * all: past it, calls are unknown. It bounds time and memory (some
	 * 500 bytes a visit) on huge programs; the workloads take a few
	 * thousand. */
	BUDGET = 600000,
	/* contexts of one function: past the first, the arguments lose what
	 * ties them to the caller's loops (their items' maxima stand for
	 * them); past the second, calls are unknown */
	CONTEXTS_EXACT = 4,
	CONTEXTS_MAX = 16,
	GEN_BYTES = 208,          /* a generator object, its frame inside */
};

typedef struct FnOut {
	bool rooted, any;
	int contexts;
	const Sym **speak, **slive;
	const Sym *call_peak;
	const Sym **vgraph;
} FnOut;

/* ---- hash tables: module-level names, memo keys ---- */

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603u;
	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211u;
	return h;
}

/* An open-addressing index of strings to positions in an array. */
typedef struct StrIndex { int *slots; int cap, len; } StrIndex;

static int index_find(const StrIndex *x, const char *const *keys, const char *k)
{
	if (!x->cap)
		return -1;
	size_t mask = (size_t)x->cap - 1;
	for (size_t i = hash_str(k) & mask; x->slots[i] >= 0; i = (i + 1) & mask)
		if (strcmp(keys[x->slots[i]], k) == 0)
			return x->slots[i];
	return -1;
}

static void index_add(StrIndex *x, const char *const *keys, int pos)
{
	if ((x->len + 1) * 2 > x->cap) {
		int cap = x->cap ? x->cap * 2 : 64;
		free(x->slots);
		x->slots = xmalloc((size_t)cap * sizeof *x->slots);
		for (int i = 0; i < cap; i++)
			x->slots[i] = -1;
		x->cap = cap;
		int n = x->len;
		x->len = 0;
		for (int p = 0; p < n; p++)
			index_add(x, keys, p);
	}
	size_t mask = (size_t)x->cap - 1;
	size_t i = hash_str(keys[pos]) & mask;
	while (x->slots[i] >= 0)
		i = (i + 1) & mask;
	x->slots[i] = pos;
	x->len++;
}

static StrIndex *gindex(MemEst *E)
{
	return (StrIndex *)E->gindex;
}

const AVal *mem_global(MemEst *E, const char *name)
{
	int i = index_find(gindex(E), E->gnames, name);
	return i >= 0 ? E->gvals[i] : NULL;
}

void mem_set_global(MemEst *E, const char *name, const AVal *v)
{
	int found = index_find(gindex(E), E->gnames, name);
	for (int i = found; i >= 0; i = -1) {
		const AVal *j = av_join(E, E->gvals[i], v);
		if (!av_equal(j, E->gvals[i])) {
			E->gvals[i] = j;
			E->gversion++;
		}
		return;
	}
	if (E->ng == E->gcap) {
		E->gcap = E->gcap ? E->gcap * 2 : 16;
		E->gnames = xrealloc(E->gnames, (size_t)E->gcap * sizeof *E->gnames);
		E->gvals = xrealloc(E->gvals, (size_t)E->gcap * sizeof *E->gvals);
	}
	E->gnames[E->ng] = name;
	E->gvals[E->ng++] = v;
	index_add(gindex(E), E->gnames, E->ng - 1);
	E->gversion++;
}

FnInfo *mem_info(MemEst *E, Function *f)
{
	if (!E->info[f->index])
		E->info[f->index] = fninfo_build(E, f);
	return E->info[f->index];
}

/* ---- contexts ---- */

static void remember(MemEst *E, FnCtx *X)
{
	if (E->nall == E->all_cap) {
		E->all_cap = E->all_cap ? E->all_cap * 2 : 16;
		E->all = xrealloc(E->all, (size_t)E->all_cap * sizeof *E->all);
	}
	E->all[E->nall++] = X;
}

static const Sym *smax(MemEst *E, const Sym *a, const Sym *b)
{
	return a ? sym_max(SY, a, b) : b;
}

/* Folds a finished context into its function's results. */
static void merge(MemEst *E, FnCtx *X)
{
	Function *f = X->I->f;
	FnOut *o = &E->out[f->index];
	if (o->rooted && !X->rooted)
		return;
	if (X->rooted && !o->rooted) {
		/* the contexts the program really makes replace guesses */
		o->speak = o->slive = NULL;
		o->call_peak = NULL;
		o->vgraph = NULL;
		o->rooted = true;
	}
	o->any = true;
	int ns = f->nstmts, nv = f->nvalues + 1;
	if (!o->speak) {
		o->speak = arena_alloc(&E->arena, (size_t)(ns ? ns : 1) * sizeof *o->speak);
		o->slive = arena_alloc(&E->arena, (size_t)(ns ? ns : 1) * sizeof *o->slive);
		o->vgraph = arena_alloc(&E->arena, (size_t)nv * sizeof *o->vgraph);
	}
	for (int s = 0; s < ns; s++) {
		o->speak[s] = smax(E, o->speak[s], X->stmt_peak[s]);
		o->slive[s] = smax(E, o->slive[s], X->stmt_live[s]);
	}
	o->call_peak = smax(E, o->call_peak, X->res.peak);
	for (int v = 1; v < nv; v++) {
		if (!X->val[v] || X->val[v]->kind == AK_BOT || !X->I->def[v])
			continue;
		/* a container as it ends up, after the appends of this call */
		const AVal *a = fn_get(X, X->I->def[v]);
		o->vgraph[v] = smax(E, o->vgraph[v], sym_no_items(SY, a->graph));
	}
}

static CallRes *unknown_call(MemEst *E)
{
	CallRes *r = arena_alloc(&E->arena, sizeof *r);
	r->ret = av_top(E, NULL);
	r->ret_fresh = sym_unknown(SY);
	r->escaped = SY->zero;
	r->peak = sym_unknown(SY);
	r->mutates = r->escapes = ~0ull;
	r->mutates_unknown = true;
	return r;
}

static long count_instrs(const FnInfo *I)
{
	long n = 0;
	for (int i = 0; i < I->nrpo; i++)
		n += I->rpo[i]->instrs.len + I->rpo[i]->phis.len;
	return n;
}

static FnCtx *run(MemEst *E, Function *g, const AVal **params, int nparams, bool rooted,
                  FnCtx *caller)
{
	FnCtx *X = xcalloc(1, sizeof *X);
	X->E = E;
	X->I = mem_info(E, g);
	X->caller = caller;
	X->args = params;
	X->nargs = nparams;
	X->rooted = rooted;
	if (E->nstack == E->depth) {
		E->depth = E->depth ? E->depth * 2 : 16;
		E->stack = xrealloc(E->stack, (size_t)E->depth * sizeof *E->stack);
	}
	E->stack[E->nstack++] = X;
	fn_analyze(X);
	/* its own visits; its callees took theirs */
	E->budget -= count_instrs(X->I) * (X->round + 1);
	E->nstack--;
	remember(E, X);
	merge(E, X);
	return X;
}

/* The value of a default argument, made where the function was. */
static const AVal *default_val(FnCtx *X, const Instr *mk, Instr *d)
{
	MemEst *E = X->E;
	d = ir_resolve(d);
	if (mk && mk->block && mk->block->fn == X->I->f)
		return fn_get(X, d);
	if (d->op == OP_CONST)
		return ops_const(E, d); /* the same in any context */
	return av_top(E, NULL);
}

const CallRes *fn_call(FnCtx *X, Function *g, const Instr *mk, const AVal **args, int npos,
                       const char *const *kwnames, int nkw)
{
	MemEst *E = X->E;
	for (int i = 0; i < E->nstack; i++)
		if (E->stack[i]->I->f == g)
			return unknown_call(E); /* recursion */
	if (E->nstack >= MAX_DEPTH || E->budget < 0)
		return unknown_call(E);
	int nparams = g->nparams + g->freevars.len;
	const AVal **params = xcalloc((size_t)(nparams ? nparams : 1), sizeof *params);
	const char **names = xcalloc((size_t)(nparams ? nparams : 1), sizeof *names);
	Block *entry = g->blocks.len ? g->blocks.items[0] : NULL;
	for (int k = 0; entry && k < entry->instrs.len; k++) {
		Instr *p = entry->instrs.items[k];
		if (p->op == OP_PARAM && p->imm.index >= 0 && p->imm.index < nparams)
			names[p->imm.index] = p->name;
	}
	for (int i = 0; i < npos && i < g->nparams; i++)
		params[i] = args[i];
	for (int k = 0; k < nkw; k++)
		for (int i = 0; i < g->nparams; i++)
			if (kwnames && kwnames[k] && names[i] && strcmp(kwnames[k], names[i]) == 0)
				params[i] = args[npos + k];
	/* defaults fill the last parameters */
	int ncells = g->freevars.len;
	int ndef = mk ? mk->args.len - ncells : 0;
	for (int d = 0; d < ndef; d++) {
		int i = g->nparams - ndef + d;
		if (i >= 0 && !params[i])
			params[i] = default_val(X, mk, mk->args.items[d]);
	}
	for (int i = 0; i < nparams; i++)
		if (!params[i])
			params[i] = av_top(E, NULL);
	free(names);
	FnOut *fo = &E->out[g->index];
	if (fo->contexts >= CONTEXTS_MAX) {
		free(params);
		return unknown_call(E);
	}
	if (fo->contexts >= CONTEXTS_EXACT)
		for (int i = 0; i < nparams; i++)
			params[i] = av_no_items(E, params[i], NULL);
	/* memo: the same function with the same arguments */
	StrBuf key;
	sb_init(&key);
	sb_printf(&key, "%d %d|", g->index, X->rooted);
	for (int i = 0; i < nparams; i++)
		av_fingerprint(&key, params[i], 0);
	/* and the module-level names it reads (its summary's, callees'
	 * included), as they are now */
	const Summary *sum = summary_find(E->T, g);
	for (int i = 0; sum && i < sum->reads_globals.len; i++) {
		const AVal *gv = mem_global(E, sum->reads_globals.items[i]);
		sb_printf(&key, "|%s=", sum->reads_globals.items[i]);
		if (gv)
			av_fingerprint(&key, gv, 3);
	}
	if (!sum)
		sb_printf(&key, "|%llu", (unsigned long long)E->gversion);
	int hit = index_find((StrIndex *)E->mindex, (const char *const *)E->memo_keys, key.data);
	if (hit >= 0) {
		sb_free(&key);
		free(params);
		return &E->memo_ctx[hit]->res;
	}
	fo->contexts++;
	FnCtx *C = run(E, g, params, nparams, X->rooted, X);
	if (g->is_genexp) {
		/* a generator hands its items out one by one: the consumer keeps
		 * them or not; what the call makes is the generator */
		const AVal *el = C->ret;
		AVal *it = (AVal *)av_iter(E, AK_ITER, fn_yield_count(C), el, NULL, FR_GEN);
		it->ifresh = fn_yield_fresh(C);
		it->items = sym_mul(SY, it->len, el->graph);
		it->graph = sym_num(SY, GEN_BYTES);
		C->res.ret = it;
		C->res.ret_fresh = sym_num(SY, GEN_BYTES + (uint64_t)memest_func_bytes);
		C->res.peak = sym_add(SY, C->res.ret_fresh, it->ifresh);
	}
	if (E->nmemo == E->memo_cap) {
		E->memo_cap = E->memo_cap ? E->memo_cap * 2 : 32;
		E->memo_keys = xrealloc(E->memo_keys, (size_t)E->memo_cap * sizeof *E->memo_keys);
		E->memo_ctx = xrealloc(E->memo_ctx, (size_t)E->memo_cap * sizeof *E->memo_ctx);
	}
	E->memo_keys[E->nmemo] = xstrdup(key.data);
	E->memo_ctx[E->nmemo++] = C;
	index_add((StrIndex *)E->mindex, (const char *const *)E->memo_keys, E->nmemo - 1);
	sb_free(&key);
	return &C->res;
}

/* ---- results ---- */

static MemSize to_size(MemEst *E, const Sym *s)
{
	MemSize m;
	if (!s)
		s = SY->zero;
	s = sym_no_items(SY, s);
	uint64_t v;
	m.is_const = sym_is_num(s, &v);
	m.bytes = sym_eval(SY, s);
	StrBuf b;
	sb_init(&b);
	sym_print(&b, s);
	m.formula = arena_strdup(&E->arena, b.data);
	sb_clear(&b);
	sym_print(&b, sym_basic(SY, s));
	m.basic = arena_strdup(&E->arena, b.data);
	sb_free(&b);
	return m;
}

MemEstimates *memest_compute(IRModule *m, const SummaryTable *t, const char *input_dir)
{
	MemEst *E = xcalloc(1, sizeof *E);
	arena_init(&E->arena);
	symctx_init(&E->S, &E->arena, input_dir);
	E->m = m;
	E->T = t;
	E->budget = BUDGET;
	E->gindex = xcalloc(1, sizeof(StrIndex));
	E->mindex = xcalloc(1, sizeof(StrIndex));
	int nf = m->functions.len;
	E->info = xcalloc((size_t)(nf ? nf : 1), sizeof *E->info);
	E->out = xcalloc((size_t)(nf ? nf : 1), sizeof *E->out);
	if (nf > 0) {
		run(E, m->functions.items[0], NULL, 0, true, NULL);
		/* functions no call reached: alone, their parameters unknown
		 * objects of length len_of('param') */
		for (int i = 1; i < nf; i++) {
			Function *f = m->functions.items[i];
			if (E->out[i].any || f->is_genexp)
				continue;
			int np = f->nparams + f->freevars.len;
			const AVal **params = xcalloc((size_t)(np ? np : 1), sizeof *params);
			Block *entry = f->blocks.len ? f->blocks.items[0] : NULL;
			for (int k = 0; entry && k < entry->instrs.len; k++) {
				Instr *p = entry->instrs.items[k];
				if (p->op != OP_PARAM || p->imm.index < 0 || p->imm.index >= np)
					continue;
				AVal *a = (AVal *)av_top(E, NULL);
				if (p->imm.index < f->nparams && p->name)
					a->len = sym_len_of(SY, p->name, NULL);
				params[p->imm.index] = a;
			}
			for (int k = 0; k < np; k++)
				if (!params[k])
					params[k] = av_top(E, NULL);
			if (E->budget < 0) {
				free(params);
				continue; /* out of budget: its results stay unknown */
			}
			run(E, f, params, np, false, NULL);
		}
	}
	/* the printed results */
	E->stmts = xcalloc((size_t)(nf ? nf : 1), sizeof *E->stmts);
	E->call_peaks = xcalloc((size_t)(nf ? nf : 1), sizeof *E->call_peaks);
	E->values = xcalloc((size_t)(nf ? nf : 1), sizeof *E->values);
	for (int i = 0; i < nf; i++) {
		Function *f = m->functions.items[i];
		FnOut *o = &E->out[i];
		E->stmts[i] = arena_alloc(&E->arena, (size_t)(f->nstmts ? f->nstmts : 1) * sizeof **E->stmts);
		for (int s = 0; s < f->nstmts; s++) {
			E->stmts[i][s].peak = to_size(E, o->speak ? o->speak[s] : sym_unknown(SY));
			E->stmts[i][s].live = to_size(E, o->slive ? o->slive[s] : sym_unknown(SY));
		}
		E->call_peaks[i] = to_size(E, o->call_peak ? o->call_peak : sym_unknown(SY));
	}
	return E;
}

void memest_free(MemEstimates *E)
{
	if (!E)
		return;
	int nf = E->m->functions.len;
	for (int i = 0; i < nf; i++) {
		fninfo_free(E->info[i]);
		free(E->values[i]);
	}
	for (int i = 0; i < E->nall; i++)
		fnctx_free(E->all[i]);
	for (int i = 0; i < E->nmemo; i++)
		free(E->memo_keys[i]);
	free(E->memo_keys);
	free(E->memo_ctx);
	free(E->all);
	free(E->info);
	free(E->out);
	free(E->stmts);
	free(E->call_peaks);
	free(E->values);
	free(E->gnames);
	free(E->gvals);
	free(E->stack);
	free(((StrIndex *)E->gindex)->slots);
	free(((StrIndex *)E->mindex)->slots);
	free(E->gindex);
	free(E->mindex);
	symctx_free(&E->S);
	arena_free(&E->arena);
	free(E);
}

static bool own_fn(const MemEstimates *E, const Function *f)
{
	return f && f->index >= 0 && f->index < E->m->functions.len &&
	       E->m->functions.items[f->index] == f;
}

const MemStmt *memest_stmt(const MemEstimates *E, const Function *f, int stmt)
{
	if (!own_fn(E, f) || stmt < 0 || stmt >= f->nstmts)
		return NULL;
	return &E->stmts[f->index][stmt];
}

MemSize memest_call_peak(const MemEstimates *E, const Function *f)
{
	if (!own_fn(E, f)) {
		MemSize u = {MEM_SIZE_UNKNOWN, false, "unknown", "unknown"};
		return u;
	}
	return E->call_peaks[f->index];
}

MemSize memest_value(const MemEstimates *ce, const Instr *v)
{
	MemEst *E = (MemEst *)ce;
	MemSize u = {MEM_SIZE_UNKNOWN, false, "unknown", "unknown"};
	if (!v)
		return u;
	v = ir_resolve((Instr *)v);
	const Function *f = v->block ? v->block->fn : NULL;
	if (!own_fn(E, f) || v->id <= 0 || v->id > f->nvalues)
		return u;
	FnOut *o = &E->out[f->index];
	if (!o->vgraph || !o->vgraph[v->id])
		return u;
	if (!E->values[f->index])
		E->values[f->index] = xcalloc((size_t)f->nvalues + 1, sizeof **E->values);
	MemSize *c = &E->values[f->index][v->id];
	if (!c->formula)
		*c = to_size(E, o->vgraph[v->id]);
	return *c;
}

/* A task's statements run one after the other in one process, as the
 * statements of a call do (memest_walk.c's call peak), with what it
 * received alive all along. */
MemSize memest_run_peak(const MemEstimates *ce, const Function *f, const int *stmts, int nstmts,
                        const Instr *const *recv, int nrecv)
{
	MemEst *E = (MemEst *)ce;
	if (!own_fn(E, f)) {
		MemSize u = {MEM_SIZE_UNKNOWN, false, "unknown", "unknown"};
		return u;
	}
	FnOut *o = &E->out[f->index];
	const Sym *held = SY->zero;
	for (int r = 0; r < nrecv; r++) {
		const Instr *v = recv[r] ? ir_resolve((Instr *)recv[r]) : NULL;
		bool known = v && v->block && v->block->fn == f && v->id > 0 && v->id <= f->nvalues &&
		             o->vgraph && o->vgraph[v->id];
		held = sym_add(SY, held, known ? o->vgraph[v->id] : sym_unknown(SY));
	}
	const Sym *before = SY->zero, *peak = SY->zero;
	for (int k = 0; k < nstmts; k++) {
		int s = stmts[k];
		bool known = s >= 0 && s < f->nstmts && o->speak && o->slive;
		const Sym *sp = known ? o->speak[s] : sym_unknown(SY);
		peak = sym_max(SY, peak, sym_add(SY, before, sp));
		before = sym_add(SY, before, known ? o->slive[s] : sym_unknown(SY));
	}
	return to_size(E, sym_add(SY, held, peak));
}

/* ---- -print-mem ---- */

static void put_size(StrBuf *out, const MemSize *m)
{
	sym_print_bytes(out, m->bytes);
	sb_printf(out, " = %s", m->formula);
}

void memest_print(StrBuf *out, const MemEstimates *ce, const SourceFile *src)
{
	MemEst *E = (MemEst *)ce;
	(void)src;
	static const char *const stat[] = {"lines", "bytes", "max_line", "width"};
	for (int i = 0; i < E->S.nfiles; i++) {
		const FileStat *st = &E->S.files[i];
		sb_puts(out, "file '");
		for (const char *p = st->path; *p; p++)
			sb_putc(out, *p == '\n' ? ' ' : *p);
		sb_puts(out, "':");
		if (!st->found) {
			sb_puts(out, " not found at compile time\n");
			continue;
		}
		for (int k = 0; k < FS_NSTATS; k++)
			sb_printf(out, "%s %s %llu", k ? "," : "", stat[k], (unsigned long long)st->v[k]);
		sb_putc(out, '\n');
	}
	for (int i = 0; i < E->m->functions.len; i++) {
		Function *f = E->m->functions.items[i];
		if (f->is_genexp)
			continue;
		sb_printf(out, "*** MEM for %s ***\n", f->name);
		if (!f->is_module) {
			sb_puts(out, "call peak ");
			put_size(out, &E->call_peaks[i]);
			sb_putc(out, '\n');
		}
		for (int s = 0; s < f->nstmts; s++) {
			const MemStmt *m = &E->stmts[i][s];
			sb_printf(out, "S%d line %d: peak ", s + 1, f->stmt_ranges[s].line);
			put_size(out, &m->peak);
			sb_puts(out, "; live ");
			put_size(out, &m->live);
			sb_putc(out, '\n');
		}
	}
}

void memest_print_module(StrBuf *out, IRModule *m, const SourceFile *src, const char *path)
{
	/* the program's folder: where it runs, so where open('x') looks */
	const char *slash = path ? strrchr(path, '/') : NULL;
	char *dir = slash ? arena_strndup(m->arena, path, (size_t)(slash - path)) : NULL;
	if (dir && !*dir)
		dir = "/";
	SummaryTable t;
	summaries_compute(&t, m);
	MemEstimates *e = memest_compute(m, &t, dir ? dir : ".");
	memest_print(out, e, src);
	memest_free(e);
	summaries_free(&t);
}
