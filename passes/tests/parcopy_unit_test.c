/* parcopy_unit_test.c: the parallel-copy sequencer (passes/parcopy.c),
 * checked by simulation.
 *
 * Exhaustive part: every sequence of (dest, src) pairs over 4 variables,
 * of every length from 0 to 5: 16^0 + ... + 16^5 = 1,118,481 parallel
 * copies, repeated destinations and self copies included. The bound:
 * with 4 variables at most 4 pairs survive "the last pair of a
 * destination wins", and every such effective copy (each variable left
 * alone or given one of the 4 sources: 5^4 maps) is already reached, in
 * every order, by the sequences of length 4 or less; length 5 adds every
 * way a pair can be overridden by a later one. Length 6 (16.8 million
 * more) would only add further overrides and take seconds.
 *
 * Random part: 1,000 parallel copies over 50 variables, of three shapes
 * (uniform pairs, mostly trees; permutations, many cycles; permutations
 * with fan-out, repeated destinations and self copies mixed in).
 *
 * Each emitted sequence runs on distinct initial values and must leave
 * every variable with the value Python's tuple assignment gives it; only
 * the variables and the one temporary may appear, the temporary is never
 * read before it is written; the number of copies must equal the minimum,
 * computed here independently of parcopy.c (distinct non-self copies plus
 * the cycles none of whose members feeds a copy leaving the cycle). */
#include "passes/passes.h"

#include <stdio.h>
#include <stdlib.h>

static long checked, failures;

/* xorshift64*: reproducible without libc's rand. */
static uint64_t rng_state = 0x9e3779b97f4a7c15u;
static int rnd(int n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (int)((rng_state * 0x2545f4914f6cdd1du >> 33) % (uint64_t)n);
}

static void show(const CopyPair *p, int n)
{
	fputs(" [", stderr);
	for (int k = 0; k < n; k++)
		fprintf(stderr, "%s%d<-%d", k ? ", " : "", p[k].dst, p[k].src);
	fputs("]", stderr);
}

static void fail(const char *why, const CopyPair *in, int n, const CopyPair *out, int nout)
{
	if (++failures <= 10) {
		fprintf(stderr, "parcopy_unit_test: FAILED: %s; input", why);
		show(in, n);
		fputs(" output", stderr);
		show(out, nout);
		fputc('\n', stderr);
	}
}

/* The minimum copy count, straight from its definition. */
static int min_copies(const CopyPair *in, int n, int nvars)
{
	int *src = malloc((size_t)nvars * 2 * sizeof *src), *readers = src + nvars;
	for (int v = 0; v < nvars; v++)
		src[v] = -1, readers[v] = 0;
	for (int k = 0; k < n; k++)
		src[in[k].dst] = in[k].src;      /* the last one wins */
	int copies = 0;
	for (int v = 0; v < nvars; v++) {
		if (src[v] == v)
			src[v] = -1;                 /* a self copy does nothing */
		if (src[v] >= 0)
			copies++;
	}
	for (int v = 0; v < nvars; v++)
		if (src[v] >= 0)
			readers[src[v]]++;
	/* A cycle is counted at its smallest member. */
	for (int v = 0; v < nvars; v++) {
		int x = src[v], steps = 0;
		bool smallest = true, closed = readers[v] == 1;
		while (x >= 0 && x != v && steps++ < nvars) {
			smallest &= x > v;
			closed &= readers[x] == 1;
			x = src[x];
		}
		if (x == v && smallest && closed)
			copies++;
	}
	free(src);
	return copies;
}

/* Runs the sequencer on in[0..n) over nvars variables and checks it. */
static void check_one(const CopyPair *in, int n, int nvars)
{
	enum { UNSET = -1 };
	int tmp = nvars;
	CopyPair *out = malloc((size_t)(parcopy_max_copies(n) + 1) * sizeof *out);
	int *val = malloc((size_t)(nvars + 1) * 2 * sizeof *val), *want = val + nvars + 1;
	int nout = parcopy_sequentialize(in, n, nvars, tmp, out);
	checked++;
	for (int v = 0; v < nvars; v++)
		val[v] = want[v] = 1000 + v;
	val[tmp] = UNSET;
	for (int k = 0; k < n; k++)
		want[in[k].dst] = 1000 + in[k].src;  /* sources are read first */
	bool ok = true;
	if (nout < 0 || nout > parcopy_max_copies(n)) {
		fail("copy count out of bounds", in, n, out, 0);
		goto done;
	}
	for (int k = 0; k < nout && ok; k++) {
		int d = out[k].dst, s = out[k].src;
		if (d < 0 || d > tmp || s < 0 || s > tmp) {
			fail("a copy names something other than the variables and the temporary",
			     in, n, out, nout);
			ok = false;
		} else if (d == s) {
			fail("a self copy", in, n, out, nout);
			ok = false;
		} else if (val[s] == UNSET) {
			fail("the temporary is read before it is written", in, n, out, nout);
			ok = false;
		} else {
			val[d] = val[s];
		}
	}
	for (int v = 0; v < nvars && ok; v++)
		if (val[v] != want[v]) {
			fail("a variable ends with the wrong value", in, n, out, nout);
			ok = false;
		}
	if (ok && nout != min_copies(in, n, nvars))
		fail("not the minimum number of copies", in, n, out, nout);
	else if (ok && parcopy_min_copies(in, n, nvars) != nout)
		fail("parcopy_min_copies disagrees", in, n, out, nout);
done:
	free(val);
	free(out);
}

/* Every sequence of up to maxlen pairs over nvars variables. */
static long exhaustive(int nvars, int maxlen)
{
	long before = checked;
	CopyPair p[8];
	int npairs = nvars * nvars;
	for (int len = 0; len <= maxlen; len++) {
		long total = 1;
		for (int k = 0; k < len; k++)
			total *= npairs;
		for (long code = 0; code < total; code++) {
			long c = code;
			for (int k = 0; k < len; k++, c /= npairs)
				p[k] = (CopyPair){(int)(c % npairs) / nvars, (int)(c % npairs) % nvars};
			check_one(p, len, nvars);
		}
	}
	return checked - before;
}

static long random_tests(int count, int nvars)
{
	long before = checked;
	CopyPair *p = malloc((size_t)nvars * 3 * sizeof *p);
	int *perm = malloc((size_t)nvars * sizeof *perm);
	for (int t = 0; t < count; t++) {
		int n = 0, shape = t % 3;
		if (shape == 0) {
			/* Uniform pairs: mostly trees and fan-out. */
			n = 1 + rnd(nvars * 2);
			for (int k = 0; k < n; k++)
				p[k] = (CopyPair){rnd(nvars), rnd(nvars)};
		} else {
			/* A permutation of a random subset: cycles of all sizes. */
			int m = 2 + rnd(nvars - 1);
			for (int v = 0; v < nvars; v++)
				perm[v] = v;
			for (int v = nvars - 1; v > 0; v--) {
				int j = rnd(v + 1), x = perm[v];
				perm[v] = perm[j];
				perm[j] = x;
			}
			/* perm[0..m) copy each the next one, in cycles of
			 * random lengths: each ends (copies its first) with
			 * probability 1/5, the last one always. */
			for (int k = 0, start = 0; k < m; k++) {
				bool close = k == m - 1 || rnd(5) == 0;
				p[n++] = (CopyPair){perm[k], perm[close ? start : k + 1]};
				if (close)
					start = k + 1;
			}
			if (shape == 2) {
				/* Mixed in: fan-out from the cycles to the other
				 * variables, repeated destinations, self copies. */
				int extra = rnd(nvars);
				for (int k = 0; k < extra; k++) {
					int v = perm[rnd(m)];
					switch (rnd(3)) {
					case 0:
						if (m < nvars)
							p[n++] = (CopyPair){perm[m + rnd(nvars - m)], v};
						break;
					case 1: p[n++] = (CopyPair){v, rnd(nvars)}; break;
					default: p[n++] = (CopyPair){v, v}; break;
					}
				}
			}
			/* Shuffle the pairs: the order only matters for repeats. */
			for (int k = n - 1; k > 0 && shape == 1; k--) {
				int j = rnd(k + 1);
				CopyPair x = p[k];
				p[k] = p[j];
				p[j] = x;
			}
		}
		check_one(p, n, nvars);
	}
	free(perm);
	free(p);
	return checked - before;
}

int main(void)
{
	long ex = exhaustive(4, 5);
	long rnd_n = random_tests(1000, 50);
	/* A few hand-picked ones whose sequences are pinned, so a change of
	 * order is seen: a swap is one save and three copies. */
	CopyPair swap[] = {{0, 1}, {1, 0}}, out[4];
	int n = parcopy_sequentialize(swap, 2, 2, 2, out);
	if (n != 3 || out[0].dst != 2 || out[0].src != 0 || out[1].dst != 0 ||
	    out[1].src != 1 || out[2].dst != 1 || out[2].src != 2)
		fail("a swap is not `t = a; a = b; b = t`", swap, 2, out, n);
	printf("parcopy_unit_test: %ld exhaustive parallel copies (4 variables, up to 5 pairs), "
	       "%ld random (50 variables), %ld failed\n", ex, rnd_n, failures);
	return failures != 0;
}
