/* cfg.c: edits to the control-flow graph that several passes make, kept
 * in one place because each must keep phi arguments parallel to the
 * predecessor list. */
#include "passes/passes.h"

int cfg_pred_index(const Block *b, const Block *pred)
{
	for (int k = b->preds.len - 1; k >= 0; k--)
		if (b->preds.items[k] == pred)
			return k;
	return -1;
}

void cfg_remove_pred(Block *b, int k)
{
	if (k < 0 || k >= b->preds.len)
		die("cfg_remove_pred: bb%d has no predecessor %d", b->id, k);
	memmove(b->preds.items + k, b->preds.items + k + 1,
	        (size_t)(b->preds.len - k - 1) * sizeof *b->preds.items);
	b->preds.len--;
	for (int p = 0; p < b->phis.len; p++) {
		InstrVec *args = &b->phis.items[p]->args;
		if (args->len != b->preds.len + 1)
			die("cfg_remove_pred: phi %%%d in bb%d has %d arguments for %d predecessors",
			    b->phis.items[p]->id, b->id, args->len, b->preds.len + 1);
		memmove(args->items + k, args->items + k + 1,
		        (size_t)(args->len - k - 1) * sizeof *args->items);
		args->len--;
	}
}
