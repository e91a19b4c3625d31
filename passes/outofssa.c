/* outofssa.c: the pass out-of-ssa, which leaves SSA form.
 *
 * Each phi becomes a register (a "var", Function.vars) that `copy`
 * instructions assign on every edge into its block, so the value the phi
 * would take on an edge is in the register when control arrives. All the
 * phis of a block take their values at once, so the copies of one edge
 * form a parallel copy: `%5, %6 <- %6, %5` when a loop swaps two
 * variables. parcopy.c sequentializes each one with the fewest plain
 * copies, and one temporary (one var for the whole function) breaks
 * cycles.
 *
 * Where the copies of the edge P -> B go:
 *
 *   - P has one successor (it ends with br): at the end of P, before the
 *     br. A br reads no value, so no copy can clobber what the terminator
 *     reads.
 *   - Otherwise (condbr, iternext) B has one predecessor and is not the
 *     entry: at the start of B, where the phis were. Copies before a
 *     condbr or an iternext would run on both of its edges; after it, on
 *     the one edge into B, they also see the item iternext yields into
 *     its first successor, which exists only there.
 *   - Otherwise the edge is critical: a new block on it (`crit_edge`)
 *     holds the copies and branches to B. Without it the copies for B
 *     would run on P's other edges too and overwrite a register still
 *     live there (the lost-copy problem: a loop's phi read after the
 *     loop).
 *
 * Why registers are enough, without renaming or coalescing: a phi is
 * evaluated exactly when an edge into its block is taken, and that is
 * when its copies run; every other value is still defined once. So at any
 * point each register holds the value its SSA name holds there, and since
 * the phis of a block read all their arguments before any is assigned
 * (which the sequencer keeps), the swap problem cannot arise either.
 *
 * Exception edges. A block's `handler` is entered by an exceptional edge
 * that is not among the handler's predecessors and has no phi arguments:
 * what a try body assigns lives in slots, and a handler reads the SSA
 * values of the point where the try started. So the lowering never puts
 * phis in a handler, and a phi there could not say what an exception
 * brings: the pass stops with an internal error rather than guess. The
 * blocks it adds hold only copies, which cannot raise.
 *
 * It must be the last pass: the others read phis and single definitions.
 * The pass manager refuses a pipeline that runs one after it, and the
 * verifier checks the out-of-SSA rules once Function.out_of_ssa is set.
 * Regions are left as they were: a crit_edge block sits between a
 * region's blocks. */
#include "passes/passes.h"

#include <stdlib.h>

/* Inserts items[0..n) at position pos of b->instrs. */
static void insert_instrs(Block *b, int pos, Instr **items, int n)
{
	Arena *a = b->fn->module->arena;
	int old = b->instrs.len;
	for (int k = 0; k < n; k++)
		instrvec_push(a, &b->instrs, NULL);
	memmove(b->instrs.items + pos + n, b->instrs.items + pos,
	        (size_t)(old - pos) * sizeof *b->instrs.items);
	for (int k = 0; k < n; k++) {
		b->instrs.items[pos + k] = items[k];
		items[k]->block = b;
	}
}

/* Puts a new block on the edge from p's successor slot to b, where p is
 * b->preds[k]; returns it. */
static Block *split_edge(Function *f, Block *p, int slot, Block *b, int k)
{
	Instr *term = ir_terminator(p);
	Block *m = ir_block_new(f, "crit_edge");
	m->stmt = b->stmt;
	/* Copies cannot raise; inside a try both ends share, keep it. */
	m->handler = p->handler == b->handler ? p->handler : NULL;
	Instr *br = ir_instr_new(f, OP_BR, NULL);
	br->stmt = term->stmt;
	br->loc = term->loc;
	br->succ[0] = b;
	ir_append(m, br);
	ir_add_pred(m, p);
	term->succ[slot] = m;
	b->preds.items[k] = m;
	return m;
}

/* The successor slot of p's terminator that b->preds[k] (== p) stands
 * for: the j-th edge from p into b is the j-th slot naming b. */
static int edge_slot(const Block *b, int k)
{
	const Block *p = b->preds.items[k];
	const Instr *term = ir_terminator(p);
	if (!term)
		die("out-of-ssa: bb%d, a predecessor of bb%d, has no terminator", p->id, b->id);
	int j = 0;
	for (int q = 0; q < k; q++)
		j += b->preds.items[q] == p;
	for (int e = 0; e < ir_nsuccs(term); e++)
		if (term->succ[e] == b && j-- == 0)
			return e;
	die("out-of-ssa: bb%d is listed as a predecessor of bb%d but does not branch there",
	    p->id, b->id);
}

typedef struct OutOfSSA {
	Function *f;
	Instr *tmp;           /* the temporary, made when a cycle needs it */
	int *slot_of;         /* by value id: its parcopy id + 1, 0 if none */
	int nslots;
	Instr **vals;         /* by parcopy id */
	CopyPair *pairs, *seq;
	Instr **copies;
	int cap;              /* of vals, pairs, seq, copies */
} OutOfSSA;

static int val_id(OutOfSSA *o, Instr *v, int *nvals)
{
	if (!v)
		die("out-of-ssa: a phi argument in @%s is NULL", o->f->name);
	if (v->id <= 0 || v->id >= o->nslots)
		die("out-of-ssa: a phi argument in @%s has value id %d", o->f->name, v->id);
	if (!o->slot_of[v->id]) {
		o->vals[*nvals] = v;
		o->slot_of[v->id] = ++*nvals;
	}
	return o->slot_of[v->id] - 1;
}

static Instr *new_copy(OutOfSSA *o, Instr *dest, Instr *src)
{
	Instr *c = ir_instr_new(o->f, OP_COPY, dest->type);
	/* The phi's variable and position; a save into the temporary takes
	 * those of the phi whose value it saves. */
	const Instr *from = dest == o->tmp ? src : dest;
	c->stmt = from->stmt;
	c->loc = from->loc;
	c->name = dest == o->tmp ? NULL : dest->name;
	c->dest = dest;
	ir_add_arg(o->f, c, src);
	return c;
}

/* Emits the parallel copy of edge k into b (the k-th argument of each
 * phi) as plain copies at position pos of block at. */
static void lower_edge(OutOfSSA *o, Block *b, int k, Block *at, int pos)
{
	int nphi = b->phis.len, nvals = 0;
	for (int j = 0; j < nphi; j++) {
		Instr *phi = b->phis.items[j];
		o->pairs[j].dst = val_id(o, phi, &nvals);
		o->pairs[j].src = val_id(o, ir_resolve(phi->args.items[k]), &nvals);
	}
	int tmp = nvals;
	int n = parcopy_sequentialize(o->pairs, nphi, nvals, tmp, o->seq);
	for (int c = 0; c < n; c++) {
		if ((o->seq[c].dst == tmp || o->seq[c].src == tmp) && !o->tmp)
			o->tmp = ir_instr_new(o->f, OP_PHI, NULL);  /* listed last */
		Instr *d = o->seq[c].dst == tmp ? o->tmp : o->vals[o->seq[c].dst];
		Instr *s = o->seq[c].src == tmp ? o->tmp : o->vals[o->seq[c].src];
		o->copies[c] = new_copy(o, d, s);
	}
	insert_instrs(at, pos, o->copies, n);
	for (int v = 0; v < nvals; v++)
		o->slot_of[o->vals[v]->id] = 0;
}

static void lower_block(OutOfSSA *o, Block *b, const bool *is_handler)
{
	Function *f = o->f;
	if (is_handler[b->id])
		die("out-of-ssa: bb%d of @%s has phis and is an exception handler; an "
		    "exception edge carries no phi arguments", b->id, f->name);
	int np = b->preds.len, nphi = b->phis.len;
	for (int j = 0; j < nphi; j++)
		if (b->phis.items[j]->args.len != np)
			die("out-of-ssa: phi %%%d in bb%d of @%s has %d arguments for %d predecessors",
			    b->phis.items[j]->id, b->id, f->name, b->phis.items[j]->args.len, np);
	if (2 * nphi + 1 > o->cap) {
		o->cap = 2 * nphi + 1;
		o->vals = xrealloc(o->vals, (size_t)o->cap * sizeof *o->vals);
		o->pairs = xrealloc(o->pairs, (size_t)o->cap * sizeof *o->pairs);
		o->seq = xrealloc(o->seq, (size_t)(parcopy_max_copies(o->cap) + 1) * sizeof *o->seq);
		o->copies = xrealloc(o->copies, (size_t)(parcopy_max_copies(o->cap) + 1) *
		                                sizeof *o->copies);
	}
	/* The slots first: splitting changes b->preds. */
	int *slots = xmalloc((size_t)(np ? np : 1) * sizeof *slots);
	for (int k = 0; k < np; k++)
		slots[k] = edge_slot(b, k);
	for (int k = 0; k < np; k++) {
		Block *p = b->preds.items[k];
		Instr *term = ir_terminator(p);
		if (ir_nsuccs(term) == 1)
			lower_edge(o, b, k, p, p->instrs.len - 1);
		else if (np == 1 && b != f->blocks.items[0])
			lower_edge(o, b, k, b, 0);
		else
			lower_edge(o, b, k, split_edge(f, p, slots[k], b, k), 0);
	}
	free(slots);
	/* The phis become the registers the copies assign. */
	for (int j = 0; j < nphi; j++) {
		Instr *phi = b->phis.items[j];
		phi->args.len = 0;
		instrvec_push(f->module->arena, &f->vars, phi);
	}
	b->phis.len = 0;
}

bool pass_out_of_ssa(Function *f)
{
	if (f->out_of_ssa)
		return false;
	ir_compact(f);  /* no dead phi, no replaced argument */
	int maxid = 0;
	for (int k = 0; k < f->blocks.len; k++)
		if (f->blocks.items[k]->id > maxid)
			maxid = f->blocks.items[k]->id;
	bool *is_handler = xcalloc((size_t)maxid + 1, sizeof *is_handler);
	for (int k = 0; k < f->blocks.len; k++) {
		const Block *h = f->blocks.items[k]->handler;
		if (h && h->id >= 0 && h->id <= maxid)
			is_handler[h->id] = true;
	}
	OutOfSSA o = {.f = f, .nslots = f->nvalues + 1};
	o.slot_of = xcalloc((size_t)o.nslots, sizeof *o.slot_of);
	/* Blocks added on the way hold no phi: they need no visit. */
	int nblocks = f->blocks.len;
	bool changed = false;
	for (int k = 0; k < nblocks; k++) {
		Block *b = f->blocks.items[k];
		if (b->phis.len) {
			lower_block(&o, b, is_handler);
			changed = true;
		}
	}
	if (o.tmp)
		instrvec_push(f->module->arena, &f->vars, o.tmp);
	f->out_of_ssa = true;
	free(o.slot_of);
	free(o.vals);
	free(o.pairs);
	free(o.seq);
	free(o.copies);
	free(is_handler);
	return changed;
}
