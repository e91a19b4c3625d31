/* outofssa_unit_test.c: the out-of-ssa pass on random hand-built CFGs,
 * checked by running them.
 *
 * Each function is a random CFG of 2 to 9 blocks (br, condbr, iternext
 * and ret; duplicate edges, self loops, unreachable blocks and an
 * exception handler included), with random phis whose arguments are
 * random values available on each edge (phis of the same block and of
 * other blocks, so swaps, rotations and fan-out come up), and arithmetic
 * on available values. A small interpreter runs it before the pass, with
 * phis read all at once on the edge taken, and after it, with copies
 * done one after another; branches follow the same random oracle in both
 * runs. The values every arithmetic instruction computes and the value
 * returned must be the same, in the same order. The function must verify
 * before and after, hold no phi after, and use at most one temporary.
 *
 * A few fixed CFGs pin down where the copies go: before a br, at the
 * start of the single successor of a condbr or iternext, on a new block
 * for a critical edge. */
#include "passes/passes.h"

#include <stdio.h>
#include <stdlib.h>

static long passed, failed;
static Arena arena;
static IRModule *mod;

#define CHECK(cond) check((cond), #cond, __LINE__)

static bool check(bool ok, const char *what, int line)
{
	if (ok)
		passed++;
	else if (++failed <= 20)
		fprintf(stderr, "outofssa_unit_test.c:%d: FAILED: %s\n", line, what);
	return ok;
}

static uint64_t rng_state = 0x2545f4914f6cdd1du;
static int rnd(int n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (int)((rng_state * 0x2545f4914f6cdd1du >> 33) % (uint64_t)n);
}

/* ---- building ---- */

static Instr *emit(Block *b, Op op)
{
	Instr *i = ir_instr_new(b->fn, op, NULL);
	ir_append(b, i);
	return i;
}

static Instr *c_int(Block *b, int64_t v)
{
	Instr *i = ir_instr_new(b->fn, OP_CONST, type_basic(&mod->types, TY_INT));
	i->imm.constant = (Constant){.kind = K_INT, .i = v, .fits = true, .digits = "0"};
	ir_append(b, i);
	return i;
}

/* Terminators are made first; instructions then go before them. */
static void insert_before_term(Block *b, Instr *i)
{
	ir_append(b, i);
	int n = b->instrs.len;
	if (n >= 2 && ir_is_terminator(b->instrs.items[n - 2]->op)) {
		b->instrs.items[n - 1] = b->instrs.items[n - 2];
		b->instrs.items[n - 2] = i;
	}
}

static Instr *binop(Block *b, Instr *x, Instr *y)
{
	Instr *i = ir_instr_new(b->fn, OP_BINOP, NULL);
	i->imm.binop = BINOP_ADD;
	ir_add_arg(b->fn, i, x);
	ir_add_arg(b->fn, i, y);
	insert_before_term(b, i);
	return i;
}

static void br(Block *b, Block *to)
{
	Instr *i = emit(b, OP_BR);
	i->succ[0] = to;
	ir_add_pred(to, b);
}

static void branch2(Block *b, Op op, Instr *arg, Block *yes, Block *no)
{
	Instr *i = emit(b, op);
	ir_add_arg(b->fn, i, arg);
	i->succ[0] = yes;
	i->succ[1] = no;
	ir_add_pred(yes, b);
	ir_add_pred(no, b);
}

/* ---- running ---- */

typedef struct Run {
	int64_t *vals;        /* by value id */
	int64_t *trace;
	int ntrace, cap;
	int decisions;        /* oracle draws left */
	uint64_t oracle;
	int64_t items;        /* iternext items handed out */
} Run;

static void record(Run *r, int64_t v)
{
	if (r->ntrace < r->cap)
		r->trace[r->ntrace++] = v;
}

static int draw(Run *r)
{
	r->oracle = r->oracle * 6364136223846793005u + 1442695040888963407u;
	return (int)(r->oracle >> 63);
}

/* Which entry of to->preds the edge through slot e of from's terminator
 * is: the j-th slot naming `to` is the j-th entry naming `from`. */
static int pred_index(const Block *from, const Instr *term, int e, const Block *to)
{
	int j = 0;
	for (int s = 0; s < e; s++)
		j += term->succ[s] == to;
	for (int k = 0; k < to->preds.len; k++)
		if (to->preds.items[k] == from && j-- == 0)
			return k;
	return -1;
}

static void run(Function *f, Run *r, uint64_t seed, int decisions)
{
	r->ntrace = 0;
	r->oracle = seed;
	r->decisions = decisions;
	r->items = 0;
	for (int v = 0; v <= f->nvalues; v++)
		r->vals[v] = -1;
	Block *b = f->blocks.items[0];
	int64_t *phivals = xmalloc((size_t)(f->nvalues + 1) * sizeof *phivals);
	for (int steps = 0; steps < 20000; steps++) {
		Block *next = NULL;
		int slot = 0;
		for (int k = 0; k < b->instrs.len && !next; k++) {
			Instr *i = b->instrs.items[k];
			switch (i->op) {
			case OP_CONST: r->vals[i->id] = i->imm.constant.i; break;
			case OP_BINOP: {
				uint64_t x = (uint64_t)r->vals[i->args.items[0]->id];
				uint64_t y = (uint64_t)r->vals[i->args.items[1]->id];
				r->vals[i->id] = (int64_t)((x * 0x9e3779b97f4a7c15u ^ (y + 0x632be59bd9b4e019u)) >> 1);
				record(r, r->vals[i->id]);
				break;
			}
			case OP_COPY: r->vals[i->dest->id] = r->vals[i->args.items[0]->id]; break;
			case OP_BR: next = i->succ[0]; break;
			case OP_CONDBR: case OP_ITERNEXT:
				if (r->decisions-- <= 0)
					goto out;
				slot = draw(r);
				next = i->succ[slot];
				if (i->op == OP_ITERNEXT && slot == 0)
					r->vals[i->id] = 1000000 + r->items++;
				break;
			case OP_RET:
				record(r, r->vals[i->args.items[0]->id]);
				goto out;
			default:
				fprintf(stderr, "run: unexpected %s\n", ir_op_name(i->op));
				abort();
			}
		}
		if (!next)
			break;
		/* The phis of next read their arguments all at once. */
		Instr *term = ir_terminator(b);
		int k = pred_index(b, term, slot, next);
		for (int p = 0; p < next->phis.len; p++)
			phivals[p] = r->vals[next->phis.items[p]->args.items[k]->id];
		for (int p = 0; p < next->phis.len; p++)
			r->vals[next->phis.items[p]->id] = phivals[p];
		b = next;
	}
out:
	free(phivals);
}

/* ---- random functions ---- */

typedef struct Gen {
	Function *f;
	int nb;
	Block *b[10];
	Instr *k0;            /* a constant of the entry: conditions, iterators */
} Gen;

/* Whether value v can be read at the end of block at (or on its edges). */
static bool available(const Instr *v, const Block *at)
{
	if (v->op == OP_ITERNEXT)
		return ir_dominates(v->succ[0], at);
	return ir_dominates(v->block, at);
}

static Instr *pick(Gen *g, Block *at, bool before_end, int upto)
{
	/* Candidates: values of the blocks dominating `at`; in `at` itself
	 * phis always, instructions up to index `upto` when !before_end. */
	Instr *cand[256];
	int n = 0;
	if (at->rpo < 0)
		return g->k0;
	for (int k = 0; k < g->nb; k++) {
		Block *d = g->b[k];
		for (int j = 0; j < d->phis.len && n < 256; j++)
			if (available(d->phis.items[j], at))
				cand[n++] = d->phis.items[j];
		for (int j = 0; j < d->instrs.len && n < 256; j++) {
			Instr *i = d->instrs.items[j];
			if (!ir_has_value(i->op))
				continue;
			if (d == at && i->op != OP_ITERNEXT && !before_end && j >= upto)
				continue;
			if (d == at && i->op == OP_ITERNEXT)
				continue;
			if (available(i, at))
				cand[n++] = i;
		}
	}
	return n ? cand[rnd(n)] : g->k0;
}

static Function *random_function(int index)
{
	char name[32];
	snprintf(name, sizeof name, "r%d", index);
	Gen g = {.f = ir_function_new(mod, arena_strdup(&arena, name), NULL)};
	Function *f = g.f;
	g.nb = 2 + rnd(8);
	for (int k = 0; k < g.nb; k++)
		g.b[k] = ir_block_new(f, k ? "b" : "entry");
	g.k0 = c_int(g.b[0], 7);
	c_int(g.b[0], 11);
	/* Terminators; nothing branches to the entry. iternext wants a first
	 * successor only it enters: it takes one not entered yet, else it
	 * is a condbr. */
	int *entered = xcalloc((size_t)g.nb, sizeof *entered);
	for (int k = 0; k < g.nb; k++) {
		Block *b = g.b[k];
		int kind = rnd(10);
		/* Targets: any block but the entry and the first successors
		 * of iternexts made so far. */
		Block *x = g.b[1 + rnd(g.nb - 1)], *y = g.b[1 + rnd(g.nb - 1)];
		for (int tries = 0; entered[x->id] >= 1000 && tries < 50; tries++)
			x = g.b[1 + rnd(g.nb - 1)];
		for (int tries = 0; entered[y->id] >= 1000 && tries < 50; tries++)
			y = g.b[1 + rnd(g.nb - 1)];
		if (entered[x->id] >= 1000 || entered[y->id] >= 1000)
			kind = 0;
		if (kind == 0) {
			Instr *r = emit(b, OP_RET);
			ir_add_arg(f, r, g.k0);
		} else if (kind <= 3) {
			br(b, x);
			entered[x->id]++;
		} else if (kind <= 5) {
			int free_block = -1;
			for (int j = 1; j < g.nb; j++)
				if (!entered[j] && g.b[j] != y && g.b[j] != b)
					free_block = j;
			if (free_block < 0) {
				branch2(b, OP_CONDBR, g.k0, x, y);
				entered[x->id]++;
			} else {
				branch2(b, OP_ITERNEXT, g.k0, g.b[free_block], y);
				entered[free_block] = 1000;  /* no one else */
			}
			entered[y->id]++;
		} else {
			branch2(b, OP_CONDBR, g.k0, x, y);
			entered[x->id]++;
			entered[y->id]++;
		}
	}
	/* Sometimes a handler: a block nothing branches to, which gets no
	 * phis, for a few blocks. */
	Block *handler = NULL;
	for (int j = 1; j < g.nb && !handler; j++)
		if (!entered[j] && rnd(2))
			handler = g.b[j];
	if (handler)
		for (int k = 0; k < g.nb; k++)
			if (rnd(3) == 0 && g.b[k] != handler)
				g.b[k]->handler = handler;
	free(entered);
	ir_fill_dominators(f);
	/* Phis (arguments later), then arithmetic on what is available. */
	for (int k = 1; k < g.nb; k++) {
		if (g.b[k] == handler || !g.b[k]->preds.len)
			continue;
		int nphi = rnd(5);
		for (int p = 0; p < nphi; p++) {
			Instr *phi = ir_instr_new(f, OP_PHI, NULL);
			ir_append(g.b[k], phi);
		}
	}
	for (int k = 0; k < g.nb; k++) {
		int nops = rnd(3);
		for (int j = 0; j < nops; j++) {
			Block *b = g.b[k];
			int upto = b->instrs.len - 1;
			binop(b, pick(&g, b, false, upto), pick(&g, b, false, upto));
		}
	}
	for (int k = 0; k < g.nb; k++) {
		Block *b = g.b[k];
		for (int p = 0; p < b->phis.len; p++)
			for (int e = 0; e < b->preds.len; e++)
				ir_add_arg(f, b->phis.items[p], pick(&g, b->preds.items[e], true, 0));
	}
	return f;
}

static int count_phis(const Function *f)
{
	int n = 0;
	for (int k = 0; k < f->blocks.len; k++)
		n += f->blocks.items[k]->phis.len;
	return n;
}

static void random_tests(int count)
{
	long runs = 0, steps = 0, temps = 0, splits = 0;
	int cap = 512;
	for (int t = 0; t < count; t++) {
		Function *f = random_function(t);
		StrBuf err;
		sb_init(&err);
		if (!CHECK(ir_verify_function(f, &err)))
			fprintf(stderr, "  the generator made bad IR:\n%s", err.data);
		sb_clear(&err);
		int nblocks = f->blocks.len;
		/* The runs before the pass; ids stay the same after it. */
		enum { SEEDS = 4 };
		Run before[SEEDS], after;
		int64_t *vals = xmalloc((size_t)(f->nvalues + 64) * sizeof *vals);
		for (int s = 0; s < SEEDS; s++) {
			before[s] = (Run){.vals = vals, .trace = xmalloc((size_t)cap * sizeof(int64_t)), .cap = cap};
			run(f, &before[s], 1234567u + (uint64_t)s * 7919u + (uint64_t)t, 40);
		}
		free(vals);
		pass_out_of_ssa(f);
		if (!CHECK(ir_verify_function(f, &err))) {
			StrBuf ir;
			sb_init(&ir);
			ir_print_function(&ir, f);
			fprintf(stderr, "  after out-of-ssa:\n%s%s", err.data, ir.data);
			sb_free(&ir);
		}
		sb_free(&err);
		CHECK(f->out_of_ssa && count_phis(f) == 0);
		int ntemp = 0;
		for (int k = 0; k < f->vars.len; k++)
			ntemp += f->vars.items[k]->block == NULL;
		CHECK(ntemp <= 1);
		temps += ntemp;
		splits += f->blocks.len - nblocks;
		after = (Run){.vals = xmalloc((size_t)(f->nvalues + 1) * sizeof(int64_t)),
		              .trace = xmalloc((size_t)cap * sizeof(int64_t)), .cap = cap};
		for (int s = 0; s < SEEDS; s++) {
			run(f, &after, 1234567u + (uint64_t)s * 7919u + (uint64_t)t, 40);
			bool same = after.ntrace == before[s].ntrace;
			for (int k = 0; same && k < after.ntrace; k++)
				same = after.trace[k] == before[s].trace[k];
			if (!CHECK(same)) {
				StrBuf ir;
				sb_init(&ir);
				ir_print_function(&ir, f);
				fprintf(stderr, "  function %d, seed %d: traces differ after:\n%s", t, s,
				        ir.data);
				sb_free(&ir);
			}
			runs++;
			steps += after.ntrace;
			free(before[s].trace);
		}
		free(after.trace);
		free(after.vals);
	}
	printf("outofssa_unit_test: %d random functions, %ld runs compared (%ld values), "
	       "%ld critical edges split, %ld temporaries\n", count, runs, steps, splits, temps);
}

/* ---- placement ---- */

static bool block_has_copy(const Block *b, const Instr *dest, const Instr *src)
{
	for (int k = 0; k < b->instrs.len; k++) {
		const Instr *i = b->instrs.items[k];
		if (i->op == OP_COPY && i->dest == dest && i->args.items[0] == src)
			return true;
	}
	return false;
}

static void placement_tests(void)
{
	/* entry: condbr to head or exit; head: x = phi(k1 entry, k2 latch),
	 * iternext into body (single pred) or to exit; body: y = phi(x),
	 * br latch... A lost-copy shape: latch condbr back to head or to exit,
	 * exit phi reads x. */
	Function *f = ir_function_new(mod, "placement", NULL);
	Block *entry = ir_block_new(f, "entry"), *head = ir_block_new(f, "head"),
	      *body = ir_block_new(f, "body"), *latch = ir_block_new(f, "latch"),
	      *exit = ir_block_new(f, "exit");
	Instr *k1 = c_int(entry, 1), *k2 = c_int(entry, 2);
	branch2(entry, OP_CONDBR, k1, head, exit);
	branch2(head, OP_ITERNEXT, k1, body, exit);
	Instr *item = ir_terminator(head);
	Instr *x = emit(head, OP_PHI), *y = emit(body, OP_PHI), *z = emit(exit, OP_PHI);
	br(body, latch);
	Instr *inc = binop(latch, y, k2);
	branch2(latch, OP_CONDBR, inc, head, exit);
	Instr *r = emit(exit, OP_RET);
	ir_add_arg(f, r, z);
	ir_add_arg(f, x, k1);   /* from entry */
	ir_add_arg(f, x, inc);  /* from latch */
	ir_add_arg(f, y, x);    /* from head */
	ir_add_arg(f, z, k2);   /* from entry */
	ir_add_arg(f, z, x);    /* from head: x, after the loop */
	ir_add_arg(f, z, x);    /* from latch: x of this trip, not inc */
	StrBuf err;
	sb_init(&err);
	CHECK(ir_verify_function(f, &err));
	pass_out_of_ssa(f);
	if (!CHECK(ir_verify_function(f, &err)))
		fprintf(stderr, "%s", err.data);
	sb_free(&err);
	/* body has one predecessor, an iternext: its copy goes at its start,
	 * before the use of the item; nothing before the iternext. */
	CHECK(body->instrs.items[0]->op == OP_COPY && body->instrs.items[0]->dest == y &&
	      body->instrs.items[0]->args.items[0] == x);
	CHECK(head->instrs.len == 1 && head->instrs.items[0] == item);
	/* Every edge into head and exit leaves a condbr or an iternext, and
	 * both have two predecessors or more: five critical edges. */
	CHECK(f->blocks.len == 5 + 5);
	for (int k = 5; k < f->blocks.len; k++) {
		Block *m = f->blocks.items[k];
		CHECK(m->preds.len == 1 && ir_terminator(m)->op == OP_BR);
	}
	/* The latch's copies are on its edges, not before its condbr: x is
	 * still the old value on the way to exit. */
	for (int k = 0; k < latch->instrs.len; k++)
		CHECK(latch->instrs.items[k]->op != OP_COPY);
	Block *to_head = head->preds.items[1], *to_exit = exit->preds.items[2];
	CHECK(to_head->preds.items[0] == latch && block_has_copy(to_head, x, inc));
	CHECK(to_exit->preds.items[0] == latch && block_has_copy(to_exit, z, x));
	CHECK(ir_terminator(latch)->succ[0] == to_head && ir_terminator(latch)->succ[1] == to_exit);

	/* A br predecessor gets the copies before its br; a swap needs the
	 * temporary and four copies... three plus the save. */
	f = ir_function_new(mod, "swap", NULL);
	entry = ir_block_new(f, "entry");
	head = ir_block_new(f, "head");
	body = ir_block_new(f, "body");
	exit = ir_block_new(f, "exit");
	k1 = c_int(entry, 1);
	k2 = c_int(entry, 2);
	br(entry, head);
	Instr *a = emit(head, OP_PHI), *b = emit(head, OP_PHI);
	branch2(head, OP_CONDBR, a, body, exit);
	br(body, head);
	r = emit(exit, OP_RET);
	ir_add_arg(f, r, a);
	ir_add_arg(f, a, k1);
	ir_add_arg(f, a, b);
	ir_add_arg(f, b, k2);
	ir_add_arg(f, b, a);
	pass_out_of_ssa(f);
	CHECK(f->blocks.len == 4);
	CHECK(body->instrs.len == 4 && ir_terminator(body)->op == OP_BR);
	CHECK(entry->instrs.len == 5 && block_has_copy(entry, a, k1) && block_has_copy(entry, b, k2));
	CHECK(f->vars.len == 3 && f->vars.items[2]->block == NULL);
	Instr *t = f->vars.items[2];
	CHECK(block_has_copy(body, t, a) && block_has_copy(body, a, b) && block_has_copy(body, b, t));
	sb_init(&err);
	CHECK(ir_verify_function(f, &err));
	/* The verifier's out-of-SSA rules. */
	Instr *bad = ir_instr_new(f, OP_COPY, NULL);
	bad->dest = inc;  /* not a var of f */
	ir_add_arg(f, bad, k1);
	insert_before_term(body, bad);
	CHECK(!ir_verify_function(f, &err) && strstr(err.data, "not one of the function's vars"));
	bad->dest = a;
	sb_clear(&err);
	CHECK(ir_verify_function(f, &err));
	f->out_of_ssa = false;
	CHECK(!ir_verify_function(f, &err) && strstr(err.data, "copy in a function in SSA form") &&
	      strstr(err.data, "has 3 vars but is in SSA form"));
	f->out_of_ssa = true;
	/* A phi left in a block, a var with an argument. */
	Instr *stray = ir_instr_new(f, OP_PHI, NULL);
	ir_append(head, stray);
	ir_add_arg(f, stray, k1);
	ir_add_arg(f, stray, k2);
	sb_clear(&err);
	CHECK(!ir_verify_function(f, &err) && strstr(err.data, "phi left in a function out of SSA"));
	head->phis.len = 0;
	ir_add_arg(f, a, k1);
	sb_clear(&err);
	CHECK(!ir_verify_function(f, &err) && strstr(err.data, "a var is a phi without arguments"));
	a->args.len = 0;
	sb_clear(&err);
	CHECK(ir_verify_function(f, &err));
	/* Vars are exempt from dominance (the copies in the entry and the
	 * body assign a, which head reads), other values are not: a copy
	 * in the body of a value made in the exit. */
	Instr *late = ir_instr_new(f, OP_CONST, type_basic(&mod->types, TY_INT));
	late->imm.constant = (Constant){.kind = K_INT, .i = 5, .fits = true, .digits = "5"};
	insert_before_term(exit, late);
	sb_clear(&err);
	CHECK(ir_verify_function(f, &err));
	bad->args.items[0] = late;
	CHECK(!ir_verify_function(f, &err) && strstr(err.data, "which does not dominate"));
	sb_free(&err);
}

int main(void)
{
	arena_init(&arena);
	mod = ir_module_new(&arena, "outofssa_unit_test.py");
	placement_tests();
	random_tests(1000);
	printf("outofssa_unit_test: %ld passed, %ld failed\n", passed, failed);
	arena_free(&arena);
	return failed != 0;
}
