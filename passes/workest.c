/* workest.c: the static cost model the partitioner weighs tasks with.
 *
 * Work is counted in IR operations (about one bytecode each, some tens of
 * nanoseconds in CPython), each multiplied by how often it runs:
 *
 *   - an instruction inside loops runs (trip count of each loop) times;
 *     a `for` over range(...) of constants (or of a parameter that the
 *     caller passes as a constant) has that many trips, any other loop
 *     WORK_DEFAULT_TRIPS, since input sizes are not known when compiling;
 *   - a call to a user function costs what one run of its body costs
 *     (recursion counts as WORK_RECURSION); a builtin call WORK_BUILTIN.
 *
 * The numbers only rank statements against each other and against the
 * price of a task; they are not a prediction of seconds. */
#include "passes/passes.h"

#include <stdlib.h>

enum { WORK_BUILTIN = 10, WORK_CALL = 5 };
static const double WORK_RECURSION = 1e4;

/* A natural loop: its header and the blocks in it (ids, ascending). */
typedef struct Loop { Block *header; int *blocks; int nblocks; } Loop;

/* One call's cost for one vector of trip counts (one per loop). */
typedef struct TripsCost { double *trips; double cost; } TripsCost;

/* What is kept per function: its loops, found once (dominators are not
 * recomputed per call), and the costs of calls already counted. */
typedef struct FnWork {
	bool have_loops;
	Loop *loops;
	int nloops;
	double memo;          /* a call with no constant argument, < 0 unknown */
	/* Calls with constant arguments: the arguments only change the trip
	 * counts, so the cost is kept per vector of trip counts. */
	TripsCost *by_trips;
	int nby_trips, cby_trips;
} FnWork;

struct WorkModel {
	const SummaryTable *t;
	IRModule *m;
	FnWork *fns;       /* by Function.index */
	char *busy;        /* per function: on the stack (recursion) */
	long recursions;   /* calls cut short by busy: such a cost depends on
	                    * the stack, so it is not kept for other callers */
};

WorkModel *work_model_new(IRModule *m, const SummaryTable *t)
{
	WorkModel *w = xcalloc(1, sizeof *w);
	w->t = t;
	w->m = m;
	int n = m->functions.len ? m->functions.len : 1;
	w->fns = xcalloc((size_t)n, sizeof *w->fns);
	w->busy = xcalloc((size_t)n, 1);
	for (int i = 0; i < m->functions.len; i++)
		w->fns[i].memo = -1;
	return w;
}

void work_model_free(WorkModel *w)
{
	if (!w)
		return;
	for (int i = 0; i < w->m->functions.len; i++) {
		FnWork *fw = &w->fns[i];
		for (int l = 0; l < fw->nloops; l++)
			free(fw->loops[l].blocks);
		free(fw->loops);
		for (int k = 0; k < fw->nby_trips; k++)
			free(fw->by_trips[k].trips);
		free(fw->by_trips);
	}
	free(w->fns);
	free(w->busy);
	free(w);
}

/* An integer the value certainly is: a constant, or a parameter the
 * caller passes as one. */
static bool known_int(Instr *v, Instr *const *param_args, int nparam_args, int64_t *out)
{
	v = ir_resolve(v);
	if (v->op == OP_PARAM && param_args && v->imm.index < nparam_args)
		v = ir_resolve(param_args[v->imm.index]);
	if (v->op == OP_CONST && v->imm.constant.kind == K_INT && v->imm.constant.fits) {
		*out = v->imm.constant.negative ? -v->imm.constant.i : v->imm.constant.i;
		return true;
	}
	return false;
}

/* Trips of the loop headed by h: exact for range() of known integers. */
static double loop_trips(Block *h, Instr *const *param_args, int nparam_args)
{
	if (h->instrs.len == 0)
		return WORK_DEFAULT_TRIPS;
	Instr *term = h->instrs.items[h->instrs.len - 1];
	if (term->op != OP_ITERNEXT)
		return WORK_DEFAULT_TRIPS;
	Instr *it = ir_resolve(term->args.items[0]);
	if (it->op != OP_ITER)
		return WORK_DEFAULT_TRIPS;
	Instr *call = ir_resolve(it->args.items[0]);
	if (call->op != OP_CALL)
		return WORK_DEFAULT_TRIPS;
	Instr *callee = ir_resolve(call->args.items[0]);
	if (callee->op != OP_BUILTIN || strcmp(callee->imm.name, "range") != 0 || call->nkw)
		return WORK_DEFAULT_TRIPS;
	int n = call->args.len - 1;
	int64_t v[3] = {0, 0, 1};
	for (int i = 0; i < n && i < 3; i++)
		if (!known_int(call->args.items[1 + i], param_args, nparam_args, &v[i]))
			return WORK_DEFAULT_TRIPS;
	int64_t lo = 0, hi = v[0], step = 1;
	if (n >= 2) {
		lo = v[0];
		hi = v[1];
	}
	if (n == 3)
		step = v[2];
	if (step == 0 || n < 1 || n > 3)
		return WORK_DEFAULT_TRIPS;
	double trips = step > 0 ? (double)(hi - lo) / (double)step : (double)(lo - hi) / (double)-step;
	trips = trips < 0 ? 0 : (double)(int64_t)(trips + 0.999999);
	return trips;
}

/* The natural loops of f, in the order of their headers: a header is a
 * block that dominates one of its predecessors (a back edge's tail); its
 * loop is the blocks reaching a tail without passing the header. */
static void find_loops(FnWork *fw, Function *f)
{
	int nb = f->blocks.len;
	ir_fill_dominators(f);
	int *stack = xmalloc((size_t)(nb ? nb : 1) * sizeof *stack);
	char *in = xmalloc((size_t)(nb ? nb : 1));
	for (int hi = 0; hi < nb; hi++) {
		Block *h = f->blocks.items[hi];
		if (h->rpo < 0)
			continue;
		memset(in, 0, (size_t)nb);
		int sp = 0;
		bool loop = false;
		for (int p = 0; p < h->preds.len; p++) {
			Block *t = h->preds.items[p];
			if (t->rpo < 0 || !ir_dominates(h, t))
				continue;
			loop = true;
			if (!in[t->id] && t != h) {
				in[t->id] = 1;
				stack[sp++] = t->id;
			}
		}
		if (!loop)
			continue;
		in[h->id] = 1;
		int size = 1;
		while (sp) {
			Block *b = f->blocks.items[stack[--sp]];
			for (int p = 0; p < b->preds.len; p++) {
				Block *q = b->preds.items[p];
				if (q->rpo >= 0 && !in[q->id]) {
					in[q->id] = 1;
					stack[sp++] = q->id;
				}
			}
			size++;
		}
		fw->loops = xrealloc(fw->loops, (size_t)(fw->nloops + 1) * sizeof *fw->loops);
		Loop *l = &fw->loops[fw->nloops++];
		*l = (Loop){h, xmalloc((size_t)size * sizeof *l->blocks), 0};
		for (int i = 0; i < nb; i++)
			if (in[i])
				l->blocks[l->nblocks++] = i;
	}
	free(stack);
	free(in);
	fw->have_loops = true;
}

static FnWork *fn_work(WorkModel *w, Function *f)
{
	FnWork *fw = &w->fns[f->index];
	if (!fw->have_loops)
		find_loops(fw, f);
	return fw;
}

/* The trip count of each of f's loops for these arguments. */
static double *loop_trip_counts(const FnWork *fw, Instr *const *param_args, int nparam_args)
{
	double *trips = xmalloc((size_t)(fw->nloops ? fw->nloops : 1) * sizeof *trips);
	for (int l = 0; l < fw->nloops; l++)
		trips[l] = loop_trips(fw->loops[l].header, param_args, nparam_args);
	return trips;
}

/* How often each block runs per run of the function: the product of the
 * trip counts of the natural loops holding it. */
static double *block_multipliers(const FnWork *fw, Function *f, const double *trips)
{
	int nb = f->blocks.len;
	double *mult = xmalloc((size_t)(nb ? nb : 1) * sizeof *mult);
	for (int i = 0; i < nb; i++)
		mult[i] = 1;
	for (int l = 0; l < fw->nloops; l++)
		for (int i = 0; i < fw->loops[l].nblocks; i++)
			mult[fw->loops[l].blocks[i]] *= trips[l] > 1 ? trips[l] : 1;
	return mult;
}

static double call_cost(WorkModel *w, Function *g, Instr *const *args, int nargs);

static double instr_cost(WorkModel *w, Instr *in)
{
	switch (in->op) {
	case OP_CALL: {
		Instr *callee = ir_resolve(in->args.items[0]);
		if (callee->op == OP_BUILTIN)
			return WORK_BUILTIN;
		const Function *g = summary_callee(w->t, in->args.items[0]);
		if (!g)
			return WORK_CALL + WORK_BUILTIN;
		return WORK_CALL + call_cost(w, (Function *)g, in->args.items + 1,
		                             in->args.len - 1 - in->nkw);
	}
	case OP_CALL_DIRECT:
		return WORK_CALL + call_cost(w, in->imm.fn, in->args.items, in->args.len - in->nkw);
	case OP_CALL_METHOD:
		return WORK_CALL;
	default:
		return 1;
	}
}

/* The cost of one run of f's body with these trip counts. */
static double body_cost(WorkModel *w, const FnWork *fw, Function *f, const double *trips)
{
	double *mult = block_multipliers(fw, f, trips);
	double sum = 0;
	for (int b = 0; b < f->blocks.len; b++) {
		Block *bb = f->blocks.items[b];
		if (bb->rpo < 0)
			continue;
		for (int k = 0; k < bb->instrs.len; k++) {
			sum += instr_cost(w, bb->instrs.items[k]) * mult[b];
		}
		sum += bb->phis.len * mult[b];
	}
	free(mult);
	return sum;
}

static TripsCost *find_trips_cost(const FnWork *fw, const double *trips)
{
	for (int k = 0; k < fw->nby_trips; k++)
		if (memcmp(fw->by_trips[k].trips, trips, (size_t)fw->nloops * sizeof *trips) == 0)
			return &fw->by_trips[k];
	return NULL;
}

/* Constant arguments may fix a loop's trip count: such a call costs what
 * a call with the same trip counts cost, or is counted anew. */
static double const_call_cost(WorkModel *w, FnWork *fw, Function *g, Instr *const *args, int nargs)
{
	double *trips = loop_trip_counts(fw, args, nargs);
	const TripsCost *known = find_trips_cost(fw, trips);
	if (known) {
		free(trips);
		return known->cost;
	}
	long recursions = w->recursions;
	w->busy[g->index] = 1;
	double c = body_cost(w, fw, g, trips);
	w->busy[g->index] = 0;
	if (w->recursions != recursions) {
		free(trips);
		return c;
	}
	if (fw->nby_trips == fw->cby_trips) {
		fw->cby_trips = fw->cby_trips ? fw->cby_trips * 2 : 4;
		fw->by_trips = xrealloc(fw->by_trips, (size_t)fw->cby_trips * sizeof *fw->by_trips);
	}
	fw->by_trips[fw->nby_trips++] = (TripsCost){trips, c};
	return c;
}

static double call_cost(WorkModel *w, Function *g, Instr *const *args, int nargs)
{
	if (w->busy[g->index]) {
		w->recursions++;
		return WORK_RECURSION;
	}
	FnWork *fw = fn_work(w, g);
	bool consts = false;
	for (int i = 0; i < nargs; i++)
		consts |= ir_resolve(args[i])->op == OP_CONST;
	if (consts)
		return const_call_cost(w, fw, g, args, nargs);
	if (fw->memo >= 0)
		return fw->memo;
	double *trips = loop_trip_counts(fw, NULL, 0);
	w->busy[g->index] = 1;
	fw->memo = body_cost(w, fw, g, trips);
	w->busy[g->index] = 0;
	free(trips);
	return fw->memo;
}

void work_of_stmts(WorkModel *w, Function *f, double *out)
{
	for (int s = 0; s < f->nstmts; s++)
		out[s] = 0;
	w->busy[f->index] = 1;
	const FnWork *fw = fn_work(w, f);
	double *trips = loop_trip_counts(fw, NULL, 0);
	double *mult = block_multipliers(fw, f, trips);
	free(trips);
	for (int b = 0; b < f->blocks.len; b++) {
		Block *bb = f->blocks.items[b];
		if (bb->rpo < 0)
			continue;
		for (int k = 0; k < bb->instrs.len; k++) {
			Instr *in = bb->instrs.items[k];
			if (in->stmt >= 0 && in->stmt < f->nstmts)
				out[in->stmt] += instr_cost(w, in) * mult[b];
		}
	}
	free(mult);
	w->busy[f->index] = 0;
}

double work_of_call(WorkModel *w, Function *g)
{
	return call_cost(w, g, NULL, 0);
}
