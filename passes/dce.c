/* dce.c: dead code elimination.
 *
 * Removes every instruction whose value nothing needs: not a terminator,
 * no effect (ir_has_effect), and not used, directly or through other
 * removable instructions, by anything that stays. Phis that only feed each
 * other (the cycles a loop variable leaves once its uses are gone) go too.
 *
 * Rather than deleting unused values and counting uses again until nothing
 * changes, it marks what is live and deletes the rest, which reaches the
 * same fixed point in one sweep and also catches dead cycles, which use
 * counts never see.
 *
 * Why it is safe for Python: ir_has_effect is true of everything that can
 * raise or be observed (calls, stores, arithmetic that may raise
 * TypeError or ZeroDivisionError, attribute and item access), so what is
 * removed is a pure computation (a constant, a phi, a tuple of values)
 * whose result is never read: running it or not cannot change what the
 * program prints, raises or stores. */
#include "passes/passes.h"

#include <stdlib.h>

/* Instructions known live whose operands are not marked yet. Each value
 * enters once and each instruction without a value once, so it never
 * needs to grow past what pass_dce counts. */
typedef struct Work {
	Instr **items;
	int len;
	bool *live;             /* by value number */
	int nvalues;
} Work;

static void mark(Work *w, Instr *i)
{
	if (i->id <= 0 || i->id > w->nvalues)
		die("dce: operand %%%d is not a value of the function", i->id);
	if (w->live[i->id])
		return;
	w->live[i->id] = true;
	w->items[w->len++] = i;
}

/* What must stay whatever its uses: terminators and effects. */
static bool is_root(const Instr *i)
{
	return ir_is_terminator(i->op) || ir_has_effect(i);
}

bool pass_dce(Function *f)
{
	int ninstrs = 0;
	for (int b = 0; b < f->blocks.len; b++)
		ninstrs += f->blocks.items[b]->instrs.len;
	/* Instructions without a value all have effects, so only values need
	 * a live bit. */
	Work w = {
		.items = xcalloc((size_t)ninstrs + (size_t)f->nvalues + 1, sizeof *w.items),
		.live = xcalloc((size_t)f->nvalues + 1, sizeof *w.live),
		.nvalues = f->nvalues,
	};
	for (int b = 0; b < f->blocks.len; b++) {
		Block *bb = f->blocks.items[b];
		for (int k = 0; k < bb->instrs.len; k++) {
			Instr *i = bb->instrs.items[k];
			if (i->dead || !is_root(i))
				continue;
			if (i->id > 0)
				mark(&w, i);
			else
				w.items[w.len++] = i;
		}
	}
	while (w.len > 0) {
		Instr *i = w.items[--w.len];
		for (int a = 0; a < i->args.len; a++)
			mark(&w, ir_resolve(i->args.items[a]));
	}

	bool changed = false;
	for (int b = 0; b < f->blocks.len; b++) {
		Block *bb = f->blocks.items[b];
		InstrVec *lists[2] = {&bb->phis, &bb->instrs};
		for (int l = 0; l < 2; l++)
			for (int k = 0; k < lists[l]->len; k++) {
				Instr *i = lists[l]->items[k];
				if (i->dead || is_root(i) || i->id <= 0 || w.live[i->id])
					continue;
				i->dead = true;
				changed = true;
			}
	}
	free(w.items);
	free(w.live);
	if (changed)
		ir_compact(f);
	return changed;
}
