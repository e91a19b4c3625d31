/* copyprop.c: removes trivial phis.
 *
 * SSA construction (Braun et al.) leaves phis whose incoming values are
 * all one value v, or v and the phi itself (a variable a loop never
 * reassigns). Such a phi is a copy of v: its uses are pointed at v, and
 * since removing one can make another trivial (a phi that took the first
 * and v), it repeats until none is left.
 *
 * Why it is safe for Python: a phi only picks which value flows in, and a
 * trivial one picks v on every path, so reading v instead reads the same
 * object. v dominates the phi (every path to the phi passes v's
 * definition or the phi itself), so it is defined wherever the phi was
 * used. Nothing is evaluated more or less often. */
#include "passes/passes.h"

/* The one value other than itself a phi can take, or NULL if it can take
 * two (or none: a phi in a block without predecessors). */
static Instr *trivial_value(Instr *phi)
{
	Instr *same = NULL;
	for (int a = 0; a < phi->args.len; a++) {
		Instr *v = ir_resolve(phi->args.items[a]);
		if (v == phi || v == same)
			continue;
		if (same)
			return NULL;
		same = v;
	}
	return same;
}

bool pass_copyprop(Function *f)
{
	bool changed = false, again = true;
	while (again) {
		again = false;
		for (int b = 0; b < f->blocks.len; b++) {
			InstrVec *phis = &f->blocks.items[b]->phis;
			for (int k = 0; k < phis->len; k++) {
				Instr *phi = phis->items[k];
				Instr *v;
				if (phi->dead || !(v = trivial_value(phi)))
					continue;
				phi->replaced = v;
				phi->dead = true;
				again = changed = true;
			}
		}
	}
	if (changed)
		ir_compact(f);
	return changed;
}
