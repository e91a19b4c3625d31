/* parcopy.c: turns a parallel copy into a sequence of plain copies.
 *
 * A parallel copy `d1, d2, ... = s1, s2, ...` reads every source, then
 * writes every destination; out-of-SSA makes one on each edge into a block
 * with phis, and Python's tuple assignment of names is one too. This is
 * the worklist algorithm of Boissinot et al. (CGO 2009, Algorithm 1;
 * Boissinot's thesis, Algorithm 13), over small integer variable ids,
 * extended as ../shared/parcopy.md asks:
 *
 *   - a destination named twice takes its last source, as Python assigns
 *     left to right (`a, a = b, c` is `a = c`);
 *   - self copies `a <- a` vanish (after the previous rule:
 *     `a, a = b, a` leaves `a` alone);
 *   - a source may feed several destinations (fan-out).
 *
 * For each destination d, pred[d] is its source; for each source s,
 * loc[s] is where its original value can be read now: s itself, or once
 * s (being also a destination) has been copied out, the destination of
 * that copy, or the temporary. A source that is no destination is never
 * written, so it is always read where it is (`b = a; c = a`, not
 * `c = b`). A destination is ready to be written when its own original
 * value is needed by no pending copy: it is no source at all, or its
 * value was copied out once and loc moved to that copy. Writing d from
 * loc[pred[d]] may free pred[d] in turn. When nothing is ready and some
 * destination is still not written, the pending copies form closed
 * cycles (each destination has one source, so following sources from a
 * pending destination stays in one cycle, and a cycle with a copy
 * leaving it would have been freed by that copy): the destination is
 * saved in the temporary, which makes it ready, and the cycle unwinds
 * back to the copy that reads the temporary. So the temporary is free
 * again before the next cycle needs it: one serves all.
 *
 * The cycle test. The published Algorithm 1 breaks the cycle at b when
 * `b == loc(pred(b))`, which is inverted: that condition means b was
 * already written, and with it a swap is silently dropped. The corrected
 * test is `b != loc(pred(b))`, which holds for every pending b (loc only
 * ever moves to written destinations or the temporary). It does not tell
 * a written b from a pending one here, though: with fan-out, once s fed
 * b and then y, loc(s) is y; and a source that is no destination keeps
 * loc(s) == s. Either way a finished b would look pending and get a
 * needless save and copy. So each destination carries a `done` flag,
 * set when it is written, and the cycle is broken at b exactly when b
 * is not done: the corrected test, restricted to the destinations still
 * pending.
 *
 * The count is the minimum: one copy per distinct non-self copy, since
 * each destination must be written, plus one per closed cycle, since the
 * first write into a closed cycle destroys a value still needed unless it
 * was saved first. */
#include "passes/passes.h"

#include <stdlib.h>

/* Validates the input; the effective copies are then pairs[k] for which
 * last[pairs[k].dst] == k and pairs[k].dst != pairs[k].src. */
static void check_input(const CopyPair *pairs, int n, int nvars, int tmp)
{
	if (n < 0 || nvars < 0)
		die("parcopy: %d pairs over %d variables", n, nvars);
	for (int k = 0; k < n; k++) {
		int d = pairs[k].dst, s = pairs[k].src;
		if (d < 0 || d >= nvars || s < 0 || s >= nvars)
			die("parcopy: pair %d (%d <- %d) names a variable outside [0, %d)", k, d, s,
			    nvars);
		if (d == tmp || s == tmp)
			die("parcopy: pair %d (%d <- %d) names the temporary %d", k, d, s, tmp);
	}
}

/* last[v]: the index of the last pair writing v, or -1. */
static int *last_writes(const CopyPair *pairs, int n, int nvars)
{
	int *last = xmalloc((size_t)(nvars ? nvars : 1) * sizeof *last);
	for (int v = 0; v < nvars; v++)
		last[v] = -1;
	for (int k = 0; k < n; k++)
		last[pairs[k].dst] = k;
	return last;
}

static bool effective(const CopyPair *pairs, const int *last, int k)
{
	return last[pairs[k].dst] == k && pairs[k].dst != pairs[k].src;
}

int parcopy_max_copies(int n)
{
	return n + n / 2;
}

int parcopy_min_copies(const CopyPair *pairs, int n, int nvars)
{
	check_input(pairs, n, nvars, -1);
	int *last = last_writes(pairs, n, nvars);
	/* pred[v]: v's source, -1 when v is not written; readers[v]: how many
	 * effective copies read v; state: 0 unvisited, 1 on the current
	 * walk, 2 finished. */
	int *pred = xmalloc((size_t)(nvars ? nvars : 1) * 3 * sizeof *pred);
	int *readers = pred + nvars, *state = readers + nvars;
	for (int v = 0; v < nvars; v++)
		pred[v] = -1, readers[v] = 0, state[v] = 0;
	int copies = 0;
	for (int k = 0; k < n; k++)
		if (effective(pairs, last, k)) {
			pred[pairs[k].dst] = pairs[k].src;
			readers[pairs[k].src]++;
			copies++;
		}
	/* Each variable has at most one source, so walking sources from any
	 * variable ends at an unwritten one or closes one cycle. */
	for (int v = 0; v < nvars; v++) {
		int x = v;
		while (x >= 0 && state[x] == 0) {
			state[x] = 1;
			x = pred[x];
		}
		if (x >= 0 && state[x] == 1) {
			/* x is on a cycle met for the first time. */
			bool closed = true;
			int y = x;
			do {
				closed &= readers[y] == 1;
				y = pred[y];
			} while (y != x);
			copies += closed;
		}
		for (x = v; x >= 0 && state[x] == 1; x = pred[x])
			state[x] = 2;
	}
	free(pred);
	free(last);
	return copies;
}

int parcopy_sequentialize(const CopyPair *pairs, int n, int nvars, int tmp, CopyPair *out)
{
	check_input(pairs, n, nvars, tmp);
	int *last = last_writes(pairs, n, nvars);
	size_t nv = (size_t)(nvars ? nvars : 1), np = (size_t)(n ? n : 1);
	int *pred = xmalloc((nv * 3 + np * 2) * sizeof *pred);
	int *loc = pred + nv, *done = loc + nv;
	int *ready = done + nv, *todo = ready + np;
	int nready = 0, ntodo = 0, nout = 0;
	for (int v = 0; v < nvars; v++)
		pred[v] = loc[v] = -1, done[v] = 0;
	for (int k = 0; k < n; k++)
		if (effective(pairs, last, k)) {
			pred[pairs[k].dst] = pairs[k].src;
			loc[pairs[k].src] = pairs[k].src;
			todo[ntodo++] = pairs[k].dst;
		}
	/* Destinations that are no source are ready from the start. Ready
	 * ones are taken first in, first out and the pending ones in the
	 * order of the input, so the output reads like the input. */
	for (int k = 0; k < ntodo; k++)
		if (loc[todo[k]] < 0)
			ready[nready++] = todo[k];
	int rhead = 0;
	for (int t = 0;; t++) {
		while (rhead < nready) {
			int b = ready[rhead++];
			int a = pred[b], c = loc[a];
			out[nout++] = (CopyPair){b, c};
			done[b] = 1;
			/* A source that is no destination keeps its value: the
			 * next copies read it there (`b = a; c = a`, not
			 * `c = b`). One that is a destination is free to be
			 * written after the first copy out of it, and its value
			 * is then read from b. */
			if (pred[a] >= 0) {
				loc[a] = b;
				if (a == c)
					ready[nready++] = a;
			}
		}
		if (t == ntodo)
			break;
		int b = todo[t];
		if (!done[b]) {
			/* Nothing is ready and b is pending: b is on a closed
			 * cycle (and b != loc[pred[b]]; see the comment at the
			 * top). Each destination enters ready[] once (it is no
			 * source, or it was freed, or saved here), so ready[]
			 * holds at most ntodo entries. */
			if (loc[pred[b]] == b)
				die("parcopy: %d is pending but holds its source's value", b);
			out[nout++] = (CopyPair){tmp, b};
			loc[b] = tmp;
			ready[nready++] = b;
		}
	}
	free(pred);
	free(last);
	return nout;
}
