/* dom.c: reverse post-order and dominators.
 *
 * The CFG has the normal edges of each block's terminator and one
 * exceptional edge from every block with a handler to that handler;
 * blocks[0] is the entry. Blocks the entry cannot reach get rpo = -1,
 * idom = NULL and dom_pre = dom_post = -1.
 *
 * Immediate dominators come from Cooper, Harvey and Kennedy, "A Simple,
 * Fast Dominance Algorithm" (2001), iterated over reverse post-order. The
 * entry's idom is NULL (not itself), so walking idom links always ends.
 *
 * A pre/post numbering of the dominator tree then answers ir_dominates in
 * constant time. Every walk is iterative: functions can have 100k blocks.
 *
 * Edges to blocks that are not in f->blocks (a bug the verifier reports)
 * are ignored, as are NULL entries of f->blocks. */
#include "ir/ir.h"

#include <stdlib.h>

/* Successor k of b, k < nedges(b): the terminator's, then the handler. */
static int nedges(const Block *b, const Instr **term)
{
	/* ir_terminator, but a NULL last entry (a bug) is no terminator. */
	const Instr *last = b->instrs.len ? b->instrs.items[b->instrs.len - 1] : NULL;
	*term = last && ir_is_terminator(last->op) ? last : NULL;
	return (*term ? ir_nsuccs(*term) : 0) + (b->handler ? 1 : 0);
}

static Block *edge(const Block *b, const Instr *term, int k)
{
	int ns = term ? ir_nsuccs(term) : 0;
	return k < ns ? term->succ[k] : b->handler;
}

/* Whether s is list[s->rpo] (0 <= rpo < n): with rpo holding each block's
 * index in the list, this tells the list's blocks from any other. */
static bool indexed(Block *const *list, int n, const Block *s)
{
	return s && s->rpo >= 0 && s->rpo < n && list[s->rpo] == s;
}

static int intersect(const int *idom, int a, int b)
{
	while (a != b) {
		while (a > b)
			a = idom[a];
		while (b > a)
			b = idom[b];
	}
	return a;
}

void ir_fill_dominators(Function *f)
{
	int n = f->blocks.len;
	Block **blocks = f->blocks.items;
	if (n == 0)
		return;
	for (int k = 0; k < n; k++)
		if (blocks[k]) {
			blocks[k]->rpo = k;  /* scratch: the block's index */
			blocks[k]->idom = NULL;
			blocks[k]->dom_pre = blocks[k]->dom_post = -1;
		}
	Block *entry = blocks[0];
	if (!entry) {
		for (int k = 0; k < n; k++)
			if (blocks[k])
				blocks[k]->rpo = -1;
		return;
	}

	/* Post-order by an iterative depth-first search. */
	char *seen = xcalloc((size_t)n, 1);
	int *stack = xmalloc((size_t)n * sizeof *stack);   /* block indices */
	int *cursor = xmalloc((size_t)n * sizeof *cursor); /* next edge */
	Block **order = xmalloc((size_t)n * sizeof *order);
	int nr = 0, sp = 0;
	/* A block listed twice goes by its last index, the entry too. */
	stack[sp] = entry->rpo;
	cursor[sp++] = 0;
	seen[entry->rpo] = 1;
	while (sp > 0) {
		Block *b = blocks[stack[sp - 1]];
		const Instr *term;
		int ne = nedges(b, &term);
		if (cursor[sp - 1] < ne) {
			Block *s = edge(b, term, cursor[sp - 1]++);
			if (indexed(blocks, n, s) && !seen[s->rpo]) {
				seen[s->rpo] = 1;
				stack[sp] = s->rpo;
				cursor[sp++] = 0;
			}
		} else {
			order[nr++] = b;
			sp--;
		}
	}
	/* Reverse into RPO and number the blocks for good. */
	for (int i = 0, j = nr - 1; i < j; i++, j--) {
		Block *t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	for (int k = 0; k < n; k++)
		if (blocks[k])
			blocks[k]->rpo = -1;
	for (int r = 0; r < nr; r++)
		order[r]->rpo = r;

	/* Predecessors of each reachable block as RPO numbers, in CSR form.
	 * Unreachable predecessors never get an idom, so they are left out. */
	int *pstart = xcalloc((size_t)nr + 1, sizeof *pstart);
	for (int r = 0; r < nr; r++) {
		const Instr *term;
		int ne = nedges(order[r], &term);
		for (int e = 0; e < ne; e++) {
			Block *s = edge(order[r], term, e);
			if (indexed(order, nr, s))
				pstart[s->rpo + 1]++;
		}
	}
	for (int r = 0; r < nr; r++)
		pstart[r + 1] += pstart[r];
	int *preds = xmalloc((size_t)(pstart[nr] ? pstart[nr] : 1) * sizeof *preds);
	int *fill = xmalloc((size_t)nr * sizeof *fill);
	memcpy(fill, pstart, (size_t)nr * sizeof *fill);
	for (int r = 0; r < nr; r++) {
		const Instr *term;
		int ne = nedges(order[r], &term);
		for (int e = 0; e < ne; e++) {
			Block *s = edge(order[r], term, e);
			if (indexed(order, nr, s))
				preds[fill[s->rpo]++] = r;
		}
	}

	/* Cooper-Harvey-Kennedy. idom[] holds RPO numbers, -1 for "not yet";
	 * the entry is its own idom here only. */
	int *idom = xmalloc((size_t)nr * sizeof *idom);
	idom[0] = 0;
	for (int r = 1; r < nr; r++)
		idom[r] = -1;
	for (bool changed = true; changed;) {
		changed = false;
		for (int r = 1; r < nr; r++) {
			int nd = -1;
			for (int p = pstart[r]; p < pstart[r + 1]; p++) {
				int q = preds[p];
				if (idom[q] < 0)
					continue;
				nd = nd < 0 ? q : intersect(idom, q, nd);
			}
			/* Some predecessor comes earlier in RPO (the DFS parent),
			 * so nd is set after the first sweep. */
			if (nd != idom[r]) {
				idom[r] = nd;
				changed = true;
			}
		}
	}
	for (int r = 1; r < nr; r++)
		order[r]->idom = order[idom[r]];

	/* Dominator tree children in CSR form (reusing pstart and preds),
	 * then pre/post numbers by an iterative walk from the entry. */
	memset(pstart, 0, ((size_t)nr + 1) * sizeof *pstart);
	for (int r = 1; r < nr; r++)
		pstart[idom[r] + 1]++;
	for (int r = 0; r < nr; r++)
		pstart[r + 1] += pstart[r];
	memcpy(fill, pstart, (size_t)nr * sizeof *fill);
	for (int r = 1; r < nr; r++)
		preds[fill[idom[r]]++] = r;
	int pre = 0, post = 0;
	sp = 0;
	stack[sp] = 0;
	cursor[sp++] = pstart[0];
	order[0]->dom_pre = pre++;
	while (sp > 0) {
		int v = stack[sp - 1];
		if (cursor[sp - 1] < pstart[v + 1]) {
			int c = preds[cursor[sp - 1]++];
			order[c]->dom_pre = pre++;
			stack[sp] = c;
			cursor[sp++] = pstart[c];
		} else {
			order[v]->dom_post = post++;
			sp--;
		}
	}

	free(idom);
	free(fill);
	free(preds);
	free(pstart);
	free(order);
	free(cursor);
	free(stack);
	free(seen);
}

/* Reflexive: a block dominates itself, reachable or not. Otherwise false
 * when either block is unreachable or they are in different functions. */
bool ir_dominates(const Block *a, const Block *b)
{
	if (!a || !b)
		return false;
	if (a == b)
		return true;
	if (a->fn != b->fn || a->rpo < 0 || b->rpo < 0)
		return false;
	return a->dom_pre <= b->dom_pre && b->dom_post <= a->dom_post;
}
