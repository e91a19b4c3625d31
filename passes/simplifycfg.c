/* simplifycfg.c: control-flow graph cleanup.
 *
 * 1. Removes the blocks no path from the entry reaches, following normal
 *    edges and the exceptional ones to each block's handler. A Region
 *    forgets the parts removed (the `else` of an `if True:` becomes NULL:
 *    it never runs) and a Region whose head is gone goes too. The blocks
 *    left lose the removed ones as predecessors, and their phis the
 *    matching arguments.
 * 2. Merges a block into its predecessor when that is its only one and
 *    ends in a plain branch to it, the block has no phis, raises to the
 *    same handler, is no block's handler and is named by no Region.
 * 3. Numbers the blocks left 0..n-1 in their order.
 *
 * Why it is safe for Python: an unreachable block never runs, so nothing
 * it would print, raise or store can happen. Merging only joins two blocks
 * that always run one right after the other, with the same handler, so
 * every instruction runs in the same order and an exception still reaches
 * the same handler. */
#include "passes/passes.h"

#include <stdlib.h>

/* Block ids are the blocks' places in f->blocks while this pass runs. */
static void renumber(Function *f)
{
	for (int k = 0; k < f->blocks.len; k++)
		f->blocks.items[k]->id = k;
}

static int index_of(const Function *f, const Block *b)
{
	if (b->id < 0 || b->id >= f->blocks.len || f->blocks.items[b->id] != b)
		die("simplifycfg: bb%d is not a block of %s", b->id, f->name ? f->name : "<module>");
	return b->id;
}

/* Calls visit(f, b, ctx) for every block a Region of f names. */
static void for_region_blocks(Function *f, void (*visit)(Function *, Block *, void *), void *ctx)
{
	for (int r = 0; r < f->regions.len; r++) {
		Region *rg = f->regions.items[r];
		Block *named[] = {rg->head, rg->body, rg->orelse, rg->handlers, rg->final, rg->exit};
		for (size_t k = 0; k < sizeof named / sizeof named[0]; k++)
			if (named[k])
				visit(f, named[k], ctx);
	}
}

typedef struct Reach {
	bool *seen;
	Block **stack;
	int len;
} Reach;

static void reach_push(Function *f, Block *b, void *ctx)
{
	Reach *r = ctx;
	int k = index_of(f, b);
	if (!r->seen[k]) {
		r->seen[k] = true;
		r->stack[r->len++] = b;
	}
}

/* Marks in seen[] the blocks reachable from the entry. */
static void find_reachable(Function *f, bool *seen)
{
	Reach r = {seen, xcalloc((size_t)f->blocks.len, sizeof *r.stack), 0};
	reach_push(f, f->blocks.items[0], &r);
	while (r.len > 0) {
		Block *b = r.stack[--r.len];
		Instr *t = ir_terminator(b);
		for (int s = 0; t && s < ir_nsuccs(t); s++)
			reach_push(f, t->succ[s], &r);
		if (b->handler)
			reach_push(f, b->handler, &r);
	}
	free(r.stack);
}

/* Regions keep only the parts that are left; a region whose head is gone
 * never runs at all. */
static void forget_removed_blocks(Function *f, const bool *keep)
{
	int m = 0;
	for (int r = 0; r < f->regions.len; r++) {
		Region *rg = f->regions.items[r];
		Block **named[] = {&rg->head, &rg->body, &rg->orelse, &rg->handlers, &rg->final,
		                   &rg->exit};
		for (size_t k = 0; k < sizeof named / sizeof named[0]; k++)
			if (*named[k] && !keep[index_of(f, *named[k])])
				*named[k] = NULL;
		if (rg->head)
			f->regions.items[m++] = rg;
	}
	f->regions.len = m;
	/* A removed region may be a kept one's parent. */
	for (int r = 0; r < f->regions.len; r++) {
		Region *rg = f->regions.items[r];
		while (rg->parent && !rg->parent->head)
			rg->parent = rg->parent->parent;
	}
}

static bool remove_unreachable(Function *f)
{
	int n = f->blocks.len;
	bool *keep = xcalloc((size_t)n, sizeof *keep);
	find_reachable(f, keep);
	int nkeep = 0;
	for (int k = 0; k < n; k++)
		nkeep += keep[k];
	if (nkeep == n) {
		free(keep);
		return false;
	}
	forget_removed_blocks(f, keep);
	for (int k = 0; k < n; k++) {
		Block *b = f->blocks.items[k];
		if (!keep[k])
			continue;
		/* A kept block cannot use a removed block's value (its definition
		 * would have to dominate the use); only phis see removed edges. */
		for (int p = b->preds.len - 1; p >= 0; p--)
			if (!keep[index_of(f, b->preds.items[p])])
				cfg_remove_pred(b, p);
	}
	int m = 0;
	for (int k = 0; k < n; k++) {
		Block *b = f->blocks.items[k];
		if (keep[k]) {
			f->blocks.items[m++] = b;
			continue;
		}
		InstrVec *lists[2] = {&b->phis, &b->instrs};
		for (int l = 0; l < 2; l++)
			for (int i = 0; i < lists[l]->len; i++)
				lists[l]->items[i]->dead = true;
	}
	f->blocks.len = m;
	free(keep);
	renumber(f);
	return true;
}

static void pin(Function *f, Block *b, void *ctx)
{
	bool *pinned = ctx;
	pinned[index_of(f, b)] = true;
}

static bool has_phis(const Block *b)
{
	for (int k = 0; k < b->phis.len; k++)
		if (!b->phis.items[k]->dead)
			return true;
	return false;
}

/* Moves b's instructions to the end of p, whose branch to b goes, and
 * makes p the predecessor b was. */
static void merge(Block *p, Block *b)
{
	Arena *a = p->fn->module->arena;
	p->instrs.items[--p->instrs.len]->dead = true;
	for (int k = 0; k < b->instrs.len; k++) {
		Instr *i = b->instrs.items[k];
		i->block = p;
		instrvec_push(a, &p->instrs, i);
	}
	b->instrs.len = 0;
	Instr *t = ir_terminator(p);
	for (int s = 0; t && s < ir_nsuccs(t); s++) {
		BlockVec *preds = &t->succ[s]->preds;
		for (int k = 0; k < preds->len; k++)
			if (preds->items[k] == b)
				preds->items[k] = p;
	}
	/* If handler edges are listed as predecessors, p's is there already. */
	Block *h = b->handler;
	for (int k = h ? h->preds.len - 1 : -1; k >= 0; k--) {
		if (h->preds.items[k] != b)
			continue;
		if (cfg_pred_index(h, p) >= 0)
			cfg_remove_pred(h, k);
		else
			h->preds.items[k] = p;
	}
}

static bool merge_blocks(Function *f)
{
	int n = f->blocks.len;
	/* Blocks that must keep their identity: the entry, handlers and what
	 * Regions name; and how many branch edges lead to each block. */
	bool *pinned = xcalloc((size_t)n, sizeof *pinned);
	bool *gone = xcalloc((size_t)n, sizeof *gone);
	int *edges = xcalloc((size_t)n, sizeof *edges);
	pinned[0] = true;
	for_region_blocks(f, pin, pinned);
	for (int k = 0; k < n; k++) {
		Block *b = f->blocks.items[k];
		Instr *t = ir_terminator(b);
		for (int s = 0; t && s < ir_nsuccs(t); s++)
			edges[index_of(f, t->succ[s])]++;
		if (b->handler)
			pinned[index_of(f, b->handler)] = true;
	}
	bool changed = false;
	for (int k = 0; k < n; k++) {
		Block *p = f->blocks.items[k];
		if (gone[k])
			continue;
		/* p takes the branch of what it absorbs: try again from there. */
		for (;;) {
			Instr *t = ir_terminator(p);
			if (!t || t->op != OP_BR)
				break;
			Block *b = t->succ[0];
			int bi = index_of(f, b);
			if (b == p || pinned[bi] || edges[bi] != 1 || b->preds.len != 1 ||
			    b->preds.items[0] != p || has_phis(b) || b->handler != p->handler)
				break;
			merge(p, b);
			gone[bi] = true;
			changed = true;
		}
	}
	int m = 0;
	for (int k = 0; k < n; k++)
		if (!gone[k])
			f->blocks.items[m++] = f->blocks.items[k];
	f->blocks.len = m;
	free(pinned);
	free(gone);
	free(edges);
	renumber(f);
	return changed;
}

bool pass_simplifycfg(Function *f)
{
	if (f->blocks.len == 0)
		return false;
	renumber(f);
	bool changed = remove_unreachable(f);
	changed |= merge_blocks(f);
	if (changed)
		ir_compact(f);
	return changed;
}
