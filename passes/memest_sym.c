/* memest_sym.c: symbolic sizes for the memory estimator.
 *
 * A Sym is a polynomial with non-negative coefficients over atoms (file
 * statistics, len_of names, the item of a loop, max(...)), divided by a
 * common denominator, and read as an upper bound. Polynomials keep the
 * formulas readable (`104 + 9 * file_lines('a.txt')`) and make the one
 * operation the estimator needs from loops exact: summing a per-item cost
 * over the items of a file, where a term linear in the line's length sums
 * to the file's size (docs/memest.md).
 *
 * Everything is kept in canonical form (terms sorted and merged, atoms
 * interned), so equal bounds are equal structures: the analysis compares
 * them to see that its iteration has settled. */
#include "passes/memest.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

typedef unsigned __int128 u128;

enum {
	MAX_TERMS = 48,     /* past this a bound is not worth reading: unknown */
	MAX_MAX_ARGS = 6,   /* max(...) of more arguments becomes their sum */
	MAX_FILE_BYTES = 256 << 20, /* larger inputs are not read at compile time */
};

static uint64_t sat_add(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

static uint64_t sat_mul(uint64_t a, uint64_t b)
{
	if (a == 0 || b == 0)
		return 0;
	return a > UINT64_MAX / b ? UINT64_MAX : a * b;
}

static uint64_t gcd64(uint64_t a, uint64_t b)
{
	while (b) {
		uint64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/* ---- atoms ---- */

static int kind_rank(int kind)
{
	static const int rank[] = {[MA_FILE] = 0, [MA_LEN] = 1, [MA_MAX] = 2, [MA_ITEM] = 3};
	return rank[kind];
}

/* The order of atoms in a product and of terms in a sum: files by path,
 * then names, so the printed formulas do not depend on the analysis. */
static int atom_cmp(const MemAtom *a, const MemAtom *b)
{
	if (a == b)
		return 0;
	if (a->kind != b->kind)
		return kind_rank(a->kind) - kind_rank(b->kind);
	if (a->kind == MA_FILE || a->kind == MA_LEN) {
		int c = strcmp(a->str, b->str);
		if (c)
			return c;
		if (a->stat != b->stat)
			return a->stat - b->stat;
		if (a->sep || b->sep)
			return strcmp(a->sep ? a->sep : "", b->sep ? b->sep : "");
	}
	return a->id < b->id ? -1 : a->id > b->id;
}

static uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 1099511628211u;
	return h;
}

static uint64_t hash_sym(uint64_t h, const Sym *s);

static uint64_t hash_atom_key(const MemAtom *a)
{
	uint64_t h = 1469598103934665603u;
	h = hash_bytes(h, &a->kind, sizeof a->kind);
	if (a->kind == MA_MAX) {
		for (int i = 0; i < a->nargs; i++)
			h = hash_sym(h, a->args[i]);
		return h;
	}
	h = hash_bytes(h, &a->stat, sizeof a->stat);
	if (a->sep)
		h = hash_bytes(h, a->sep, strlen(a->sep) + 1);
	return hash_bytes(h, a->str, strlen(a->str));
}

static uint64_t hash_sym(uint64_t h, const Sym *s)
{
	h = hash_bytes(h, &s->unknown, sizeof s->unknown);
	h = hash_bytes(h, &s->den, sizeof s->den);
	for (int i = 0; i < s->n; i++) {
		h = hash_bytes(h, &s->terms[i].coef, sizeof s->terms[i].coef);
		for (int k = 0; k < s->terms[i].n; k++)
			h = hash_bytes(h, &s->terms[i].atoms[k]->id, sizeof(int));
	}
	return h;
}

static bool atom_key_equal(const MemAtom *a, const MemAtom *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind == MA_MAX) {
		if (a->nargs != b->nargs)
			return false;
		for (int i = 0; i < a->nargs; i++)
			if (!sym_equal(a->args[i], b->args[i]))
				return false;
		return true;
	}
	return a->stat == b->stat && strcmp(a->str, b->str) == 0 &&
	       strcmp(a->sep ? a->sep : "", b->sep ? b->sep : "") == 0 &&
	       (a->sep == NULL) == (b->sep == NULL);
}

/* The interned atom equal to `key`, made from it if new. */
static MemAtom *intern(SymCtx *c, const MemAtom *key)
{
	if ((c->atom_len + 1) * 2 > c->atom_cap) {
		int cap = c->atom_cap ? c->atom_cap * 2 : 64;
		MemAtom **t = xcalloc((size_t)cap, sizeof *t);
		for (int i = 0; i < c->atom_cap; i++) {
			MemAtom *a = c->atoms[i];
			if (!a)
				continue;
			size_t k = hash_atom_key(a) & (size_t)(cap - 1);
			while (t[k])
				k = (k + 1) & (size_t)(cap - 1);
			t[k] = a;
		}
		free(c->atoms);
		c->atoms = t;
		c->atom_cap = cap;
	}
	size_t mask = (size_t)c->atom_cap - 1;
	size_t k = hash_atom_key(key) & mask;
	for (; c->atoms[k]; k = (k + 1) & mask)
		if (atom_key_equal(c->atoms[k], key))
			return c->atoms[k];
	MemAtom *a = arena_alloc(c->arena, sizeof *a);
	*a = *key;
	a->id = c->next_id++;
	c->atoms[k] = a;
	c->atom_len++;
	return a;
}

/* ---- building polynomials ---- */

static int term_cmp(const SymTerm *a, const SymTerm *b)
{
	if (a->n != b->n)
		return a->n - b->n;
	for (int i = 0; i < a->n; i++) {
		int c = atom_cmp(a->atoms[i], b->atoms[i]);
		if (c)
			return c;
	}
	return 0;
}

static int term_qcmp(const void *a, const void *b)
{
	return term_cmp(a, b);
}

static int atom_qcmp(const void *a, const void *b)
{
	return atom_cmp(*(MemAtom *const *)a, *(MemAtom *const *)b);
}

void symctx_init(SymCtx *c, Arena *a, const char *dir)
{
	memset(c, 0, sizeof *c);
	c->arena = a;
	c->dir = dir && *dir ? dir : ".";
	c->zero = sym_num(c, 0);
	c->one = sym_num(c, 1);
	Sym *u = arena_alloc(a, sizeof *u);
	u->unknown = true;
	u->den = 1;
	c->unknown_sym = u;
}

void symctx_free(SymCtx *c)
{
	free(c->atoms);
	free(c->files);
	free(c->seps);
	c->atoms = NULL;
	c->files = NULL;
	c->seps = NULL;
}

const Sym *sym_unknown(SymCtx *c)
{
	return c->unknown_sym;
}

/* Sorts, merges and reduces terms[0..n) over den into a Sym. The terms
 * array is scratch: the result copies what it keeps. */
static const Sym *make_sym(SymCtx *c, SymTerm *terms, int n, uint64_t den)
{
	if (n > 1)
		qsort(terms, (size_t)n, sizeof *terms, term_qcmp);
	int m = 0;
	for (int i = 0; i < n; i++) {
		if (terms[i].coef == 0)
			continue;
		if (m > 0 && term_cmp(&terms[m - 1], &terms[i]) == 0)
			terms[m - 1].coef = sat_add(terms[m - 1].coef, terms[i].coef);
		else
			terms[m++] = terms[i];
	}
	uint64_t g = den;
	for (int i = 0; i < m; i++) {
		if (terms[i].coef == UINT64_MAX)
			return c->unknown_sym;
		g = gcd64(g, terms[i].coef);
	}
	if (m > MAX_TERMS)
		return c->unknown_sym;
	Sym *s = arena_alloc(c->arena, sizeof *s);
	s->den = g ? den / g : 1;
	s->n = m;
	s->terms = m ? arena_alloc(c->arena, (size_t)m * sizeof *s->terms) : NULL;
	for (int i = 0; i < m; i++) {
		s->terms[i] = terms[i];
		s->terms[i].coef /= g ? g : 1;
	}
	if (m == 0)
		s->den = 1;
	return s;
}

const Sym *sym_num(SymCtx *c, uint64_t v)
{
	if (v == UINT64_MAX)
		return c->unknown_sym;
	SymTerm t = {v, 0, NULL};
	return make_sym(c, &t, 1, 1);
}

const Sym *sym_atom(SymCtx *c, MemAtom *a)
{
	MemAtom **atoms = arena_alloc(c->arena, sizeof *atoms);
	atoms[0] = a;
	SymTerm t = {1, 1, atoms};
	return make_sym(c, &t, 1, 1);
}

const Sym *sym_file(SymCtx *c, const char *path, int stat)
{
	MemAtom key = {.kind = MA_FILE, .stat = stat, .str = path,
	               .minval = stat == FS_WIDTH ? 1 : 0};
	MemAtom *a = intern(c, &key);
	if (a->str == path)
		a->str = arena_strdup(c->arena, path);
	return sym_atom(c, a);
}

const Sym *sym_file_sep(SymCtx *c, const char *path, int stat, const char *sep)
{
	MemAtom key = {.kind = MA_FILE, .stat = stat, .str = path, .sep = sep};
	MemAtom *a = intern(c, &key);
	if (a->str == path)
		a->str = arena_strdup(c->arena, path);
	if (a->sep == sep)
		a->sep = arena_strdup(c->arena, sep);
	return sym_atom(c, a);
}

const Sym *sym_len_of(SymCtx *c, const char *name, const Sym *bound)
{
	MemAtom key = {.kind = MA_LEN, .str = name};
	MemAtom *a = intern(c, &key);
	if (a->str == name)
		a->str = arena_strdup(c->arena, name);
	/* one name, one bound: the larger of what each use knows */
	a->max = !a->max ? bound : bound ? sym_max(c, a->max, bound) : a->max;
	return sym_atom(c, a);
}

MemAtom *sym_new_item(SymCtx *c)
{
	MemAtom *a = arena_alloc(c->arena, sizeof *a);
	a->kind = MA_ITEM;
	a->id = c->next_id++;
	a->str = "";
	a->group = a;
	return a;
}

MemAtom *sym_new_measure(SymCtx *c, const MemAtom *item)
{
	MemAtom *a = sym_new_item(c);
	a->group = item;
	return a;
}

const Sym *sym_add(SymCtx *c, const Sym *a, const Sym *b)
{
	if (a->unknown || b->unknown)
		return c->unknown_sym;
	if (a->n == 0)
		return b;
	if (b->n == 0)
		return a;
	uint64_t g = gcd64(a->den, b->den);
	uint64_t fa = b->den / g, fb = a->den / g;
	uint64_t den = sat_mul(a->den, fa);
	if (den == UINT64_MAX)
		return c->unknown_sym;
	SymTerm *t = xmalloc((size_t)(a->n + b->n) * sizeof *t);
	int n = 0;
	for (int i = 0; i < a->n; i++) {
		t[n] = a->terms[i];
		t[n++].coef = sat_mul(a->terms[i].coef, fa);
	}
	for (int i = 0; i < b->n; i++) {
		t[n] = b->terms[i];
		t[n++].coef = sat_mul(b->terms[i].coef, fb);
	}
	const Sym *r = make_sym(c, t, n, den);
	free(t);
	return r;
}

const Sym *sym_add3(SymCtx *c, const Sym *a, const Sym *b, const Sym *d)
{
	return sym_add(c, sym_add(c, a, b), d);
}

const Sym *sym_mul(SymCtx *c, const Sym *a, const Sym *b)
{
	if (a->n == 0 && !a->unknown)
		return a;  /* 0 * anything, unknown included: nothing of it */
	if (b->n == 0 && !b->unknown)
		return b;
	if (a->unknown || b->unknown)
		return c->unknown_sym;
	if ((long)a->n * b->n > MAX_TERMS * 4)
		return c->unknown_sym;
	uint64_t den = sat_mul(a->den, b->den);
	if (den == UINT64_MAX)
		return c->unknown_sym;
	SymTerm *t = xmalloc((size_t)(a->n * b->n) * sizeof *t);
	int n = 0;
	for (int i = 0; i < a->n; i++) {
		for (int j = 0; j < b->n; j++) {
			const SymTerm *x = &a->terms[i], *y = &b->terms[j];
			int na = x->n + y->n;
			MemAtom **atoms = na ? arena_alloc(c->arena, (size_t)na * sizeof *atoms) : NULL;
			if (x->n)
				memcpy(atoms, x->atoms, (size_t)x->n * sizeof *atoms);
			if (y->n)
				memcpy(atoms + x->n, y->atoms, (size_t)y->n * sizeof *atoms);
			if (na > 1)
				qsort(atoms, (size_t)na, sizeof *atoms, atom_qcmp);
			t[n++] = (SymTerm){sat_mul(x->coef, y->coef), na, atoms};
		}
	}
	const Sym *r = make_sym(c, t, n, den);
	free(t);
	return r;
}

const Sym *sym_scale(SymCtx *c, const Sym *a, uint64_t k)
{
	return sym_mul(c, a, sym_num(c, k));
}

const Sym *sym_div(SymCtx *c, const Sym *a, uint64_t k)
{
	if (a->unknown || a->n == 0 || k <= 1)
		return a;
	uint64_t den = sat_mul(a->den, k);
	if (den == UINT64_MAX)
		return c->unknown_sym;
	SymTerm *t = xmalloc((size_t)a->n * sizeof *t);
	memcpy(t, a->terms, (size_t)a->n * sizeof *t);
	const Sym *r = make_sym(c, t, a->n, den);
	free(t);
	return r;
}

/* ---- comparing ---- */

bool sym_is_num(const Sym *s, uint64_t *v)
{
	if (s->unknown || (s->n > 0 && s->terms[s->n - 1].n > 0))
		return false;
	uint64_t x = s->n ? s->terms[0].coef : 0;
	*v = x / s->den + (x % s->den != 0);
	return true;
}

bool sym_is_zero(const Sym *s)
{
	return !s->unknown && s->n == 0;
}

bool sym_equal(const Sym *a, const Sym *b)
{
	if (a == b)
		return true;
	if (a->unknown != b->unknown || a->n != b->n || a->den != b->den)
		return false;
	for (int i = 0; i < a->n; i++)
		if (a->terms[i].coef != b->terms[i].coef || term_cmp(&a->terms[i], &b->terms[i]) != 0)
			return false;
	return true;
}

/* A lower bound of a term's product of atoms, coefficient apart. */
static uint64_t mono_min(const SymTerm *t)
{
	uint64_t m = t->n ? 1 : 0;
	for (int i = 0; i < t->n; i++)
		m = sat_mul(m, t->atoms[i]->minval);
	return m;
}

static uint64_t term_min(const SymTerm *t)
{
	uint64_t m = t->coef;
	for (int i = 0; i < t->n; i++)
		m = sat_mul(m, t->atoms[i]->minval);
	return m;
}

bool sym_le(const Sym *a, const Sym *b)
{
	if (b->unknown)
		return true;
	if (a->unknown)
		return false;
	/* a/da <= b/db: compare a*db with b*da term by term; what b has
	 * beyond a's terms is worth at least its atoms' minimum values, which
	 * may cover a's constant. */
	u128 slack = 0, aconst = 0;
	int j = 0;
	for (int i = 0; i < a->n; i++) {
		const SymTerm *x = &a->terms[i];
		u128 xa = (u128)x->coef * b->den;
		if (x->n == 0) {
			aconst = xa;
			continue;
		}
		while (j < b->n && term_cmp(&b->terms[j], x) < 0) {
			slack += (u128)b->terms[j].coef * a->den * mono_min(&b->terms[j]);
			j++;
		}
		if (j == b->n || term_cmp(&b->terms[j], x) != 0)
			return false;
		u128 yb = (u128)b->terms[j].coef * a->den;
		if (xa > yb)
			return false;
		/* what is left of this term of b, at its minimum */
		slack += (yb - xa) * mono_min(&b->terms[j]);
		j++;
	}
	for (; j < b->n; j++)
		slack += (u128)b->terms[j].coef * a->den * mono_min(&b->terms[j]);
	u128 bconst = b->n && b->terms[0].n == 0 ? (u128)b->terms[0].coef * a->den : 0;
	return aconst <= bconst + slack;
}

static int sym_cmp(const Sym *a, const Sym *b)
{
	if (a->unknown != b->unknown)
		return a->unknown ? 1 : -1;
	if (a->n != b->n)
		return a->n - b->n;
	if (a->den != b->den)
		return a->den < b->den ? -1 : 1;
	for (int i = 0; i < a->n; i++) {
		int c = term_cmp(&a->terms[i], &b->terms[i]);
		if (c)
			return c;
		if (a->terms[i].coef != b->terms[i].coef)
			return a->terms[i].coef < b->terms[i].coef ? -1 : 1;
	}
	return 0;
}

static int sym_qcmp(const void *a, const void *b)
{
	return sym_cmp(*(const Sym *const *)a, *(const Sym *const *)b);
}

/* The arguments of s when it is exactly max(...), else NULL. */
static const MemAtom *as_max(const Sym *s)
{
	if (s->unknown || s->n != 1 || s->den != 1 || s->terms[0].coef != 1 || s->terms[0].n != 1)
		return NULL;
	return s->terms[0].atoms[0]->kind == MA_MAX ? s->terms[0].atoms[0] : NULL;
}

const Sym *sym_max(SymCtx *c, const Sym *a, const Sym *b)
{
	if (a->unknown || b->unknown)
		return c->unknown_sym;
	if (sym_le(a, b))
		return b;
	if (sym_le(b, a))
		return a;
	const Sym *args[2 * MAX_MAX_ARGS + 2];
	int n = 0;
	const Sym *pair[2] = {a, b};
	for (int p = 0; p < 2; p++) {
		const MemAtom *m = as_max(pair[p]);
		if (m && m->nargs <= MAX_MAX_ARGS) {
			for (int i = 0; i < m->nargs; i++)
				args[n++] = m->args[i];
		} else {
			args[n++] = pair[p];
		}
	}
	/* drop arguments another one covers */
	int m = 0;
	for (int i = 0; i < n; i++) {
		bool covered = false;
		for (int k = 0; k < n && !covered; k++)
			if (k != i && sym_le(args[i], args[k]) && (!sym_le(args[k], args[i]) || k < i))
				covered = true;
		if (!covered)
			args[m++] = args[i];
	}
	if (m == 1)
		return args[0];
	if (m > MAX_MAX_ARGS) {
		/* the sum of non-negative bounds covers their maximum */
		const Sym *s = c->zero;
		for (int i = 0; i < m; i++)
			s = sym_add(c, s, args[i]);
		return s;
	}
	qsort(args, (size_t)m, sizeof *args, sym_qcmp);
	MemAtom key = {.kind = MA_MAX, .nargs = m, .args = args, .str = ""};
	MemAtom *at = intern(c, &key);
	if (at->args == args) {
		at->args = arena_alloc(c->arena, (size_t)m * sizeof *at->args);
		memcpy(at->args, args, (size_t)m * sizeof *args);
		uint64_t mn = UINT64_MAX;
		for (int i = 0; i < m; i++) {
			/* a lower bound of the max: the largest argument minimum */
			uint64_t am = 0;
			for (int t = 0; t < args[i]->n; t++)
				am = sat_add(am, term_min(&args[i]->terms[t]));
			am /= args[i]->den;
			mn = mn == UINT64_MAX || am > mn ? am : mn;
		}
		at->minval = mn == UINT64_MAX ? 0 : mn;
	}
	return sym_atom(c, at);
}

/* ---- evaluating ---- */

static uint64_t eval_atom(SymCtx *c, const MemAtom *a, int depth);

static uint64_t eval_sym(SymCtx *c, const Sym *s, int depth)
{
	if (s->unknown || depth > 64)
		return MEM_INF;
	uint64_t sum = 0;
	for (int i = 0; i < s->n; i++) {
		uint64_t t = s->terms[i].coef;
		for (int k = 0; k < s->terms[i].n; k++)
			t = sat_mul(t, eval_atom(c, s->terms[i].atoms[k], depth + 1));
		sum = sat_add(sum, t);
	}
	if (sum == UINT64_MAX)
		return MEM_INF;
	return sum / s->den + (sum % s->den != 0);
}

static uint64_t eval_atom(SymCtx *c, const MemAtom *a, int depth)
{
	switch (a->kind) {
	case MA_FILE: {
		if (a->stat >= FS_COUNT) {
			const SepStat *ss = sym_sep_stat(c, a->str, a->sep);
			uint64_t v[] = {ss->count, ss->maxcount, ss->distinct, ss->maxpart};
			return !ss->found ? MEM_INF : v[a->stat - FS_COUNT];
		}
		const FileStat *st = sym_file_stat(c, a->str);
		return st->found ? st->v[a->stat] : MEM_INF;
	}
	case MA_LEN:
	case MA_ITEM:
		return a->max ? eval_sym(c, a->max, depth) : MEM_INF;
	default: {
		uint64_t m = 0;
		for (int i = 0; i < a->nargs; i++) {
			uint64_t v = eval_sym(c, a->args[i], depth);
			m = v > m ? v : m;
		}
		return m;
	}
	}
}

const Sym *sym_min_now(SymCtx *c, const Sym *a, const Sym *b)
{
	if (!a || !b)
		return a ? a : b;
	if (sym_le(a, b))
		return a;
	if (sym_le(b, a))
		return b;
	return sym_eval(c, b) < sym_eval(c, a) ? b : a;
}

uint64_t sym_eval(SymCtx *c, const Sym *s)
{
	return eval_sym(c, s, 0);
}

/* ---- loops: summing over items ---- */

static bool atom_mentions(const MemAtom *a, const MemAtom *item);

static bool term_mentions(const SymTerm *t, const MemAtom *item)
{
	for (int k = 0; k < t->n; k++)
		if (atom_mentions(t->atoms[k], item))
			return true;
	return false;
}

bool sym_has_item(const Sym *s, const MemAtom *item)
{
	for (int i = 0; i < s->n; i++)
		if (term_mentions(&s->terms[i], item))
			return true;
	return false;
}

/* Whether a is a measure of the loop's item (of any item when NULL). */
static bool in_group(const MemAtom *a, const MemAtom *item)
{
	return a->kind == MA_ITEM && (!item || a == item || a->group == item);
}

/* Whether a is the item (any item when NULL) or a max(...) over it. */
static bool atom_mentions(const MemAtom *a, const MemAtom *item)
{
	if (a->kind == MA_ITEM)
		return in_group(a, item);
	if (a->kind == MA_MAX)
		for (int i = 0; i < a->nargs; i++)
			if (sym_has_item(a->args[i], item))
				return true;
	return false;
}

typedef const Sym *(*AtomMap)(SymCtx *c, const MemAtom *a, const void *arg);

/* The sum of t's coefficient and atoms, each atom passed through map. */
static const Sym *map_term(SymCtx *c, const SymTerm *t, AtomMap map, const void *arg)
{
	const Sym *r = sym_num(c, t->coef);
	for (int k = 0; k < t->n; k++)
		r = sym_mul(c, r, map(c, t->atoms[k], arg));
	return r;
}

static const Sym *map_sym(SymCtx *c, const Sym *s, AtomMap map, const void *arg)
{
	if (s->unknown)
		return s;
	const Sym *r = c->zero;
	for (int i = 0; i < s->n; i++)
		r = sym_add(c, r, map_term(c, &s->terms[i], map, arg));
	return sym_div(c, r, s->den);
}

/* The item's maximum in place of the item, inside max(...) too. */
static const Sym *subst_max(SymCtx *c, const MemAtom *a, const void *arg)
{
	const MemAtom *item = arg;
	if (in_group(a, item))
		return a->max ? a->max : c->unknown_sym;
	if (a->kind == MA_MAX && atom_mentions(a, item)) {
		const Sym *r = c->zero;
		for (int i = 0; i < a->nargs; i++)
			r = sym_max(c, r, map_sym(c, a->args[i], subst_max, arg));
		return r;
	}
	return sym_atom(c, (MemAtom *)a);
}

const Sym *sym_max_over(SymCtx *c, const Sym *s, const MemAtom *item)
{
	if (!sym_has_item(s, item))
		return s;
	return map_sym(c, s, subst_max, item);
}

/* file_lines, file_bytes and len_of only: a line, and the separators in
 * a file, number at most its bytes; a character takes at most 4. */
static const Sym *subst_basic(SymCtx *c, const MemAtom *a, const void *arg)
{
	(void)arg;
	if (a->kind == MA_FILE && a->stat == FS_WIDTH)
		return sym_num(c, 4);
	if (a->kind == MA_FILE && a->stat != FS_LINES && a->stat != FS_BYTES)
		return sym_file(c, a->str, FS_BYTES);
	if (a->kind == MA_MAX) {
		const Sym *r = c->zero;
		for (int i = 0; i < a->nargs; i++)
			r = sym_max(c, r, sym_basic(c, a->args[i]));
		return r;
	}
	return sym_atom(c, (MemAtom *)a);
}

const Sym *sym_basic(SymCtx *c, const Sym *s)
{
	return map_sym(c, s, subst_basic, NULL);
}

const Sym *sym_no_items(SymCtx *c, const Sym *s)
{
	for (int guard = 0; guard < 64 && sym_has_item(s, NULL); guard++)
		s = map_sym(c, s, subst_max, NULL);
	return sym_has_item(s, NULL) ? c->unknown_sym : s;
}

const Sym *sym_sum_over(SymCtx *c, const Sym *s, const MemAtom *item, const Sym *count)
{
	if (s->unknown)
		return s;
	const Sym *r = c->zero;
	for (int i = 0; i < s->n; i++) {
		const SymTerm *t = &s->terms[i];
		int deg = 0;
		bool nested = false;
		const MemAtom *m = NULL;
		for (int k = 0; k < t->n; k++) {
			if (in_group(t->atoms[k], item)) {
				deg++;
				m = t->atoms[k];
			} else if (atom_mentions(t->atoms[k], item)) {
				nested = true;
			}
		}
		const Sym *part;
		if (deg == 1 && !nested && m->sum) {
			/* coef * rest * measure, summed: coef * rest * (its sum) */
			part = sym_num(c, t->coef);
			for (int k = 0; k < t->n; k++)
				part = sym_mul(c, part, t->atoms[k] == m ? m->sum : sym_atom(c, t->atoms[k]));
		} else {
			part = sym_mul(c, map_term(c, t, subst_max, item), count);
		}
		r = sym_add(c, r, part);
	}
	return sym_div(c, r, s->den);
}

/* ---- printing ---- */

static const char *const stat_names[] = {"file_lines", "file_bytes", "file_max_line",
                                         "file_width", "file_count", "file_max_count",
                                         "file_distinct", "file_max_part"};

static void print_pystr(StrBuf *out, const char *s)
{
	sb_putc(out, '\'');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '\\' || *p == '\'')
			sb_printf(out, "\\%c", *p);
		else if (*p < 0x20 || *p == 0x7f)
			sb_printf(out, "\\x%02x", *p);
		else
			sb_putc(out, (char)*p);
	}
	sb_putc(out, '\'');
}

static void print_poly(StrBuf *out, const Sym *s, uint64_t add);

static void print_atom(StrBuf *out, const MemAtom *a)
{
	switch (a->kind) {
	case MA_FILE:
		sb_puts(out, stat_names[a->stat]);
		sb_putc(out, '(');
		print_pystr(out, a->str);
		if (a->sep) {
			/* "" stands for None: split()'s whitespace, counting words */
			sb_puts(out, ", ");
			if (*a->sep)
				print_pystr(out, a->sep);
			else
				sb_puts(out, "None");
		}
		sb_putc(out, ')');
		return;
	case MA_LEN:
		sb_puts(out, "len_of(");
		print_pystr(out, a->str);
		sb_putc(out, ')');
		return;
	case MA_ITEM:
		/* never printed by the estimator: items are summed or maximized
		 * away; this keeps a bug visible rather than crashing */
		sb_printf(out, "item_%d()", a->id);
		return;
	default:
		sb_puts(out, "max(");
		for (int i = 0; i < a->nargs; i++) {
			if (i)
				sb_puts(out, ", ");
			sym_print(out, a->args[i]);
		}
		sb_putc(out, ')');
		return;
	}
}

/* The numerator of s plus `add`, as a sum of products. */
static void print_poly(StrBuf *out, const Sym *s, uint64_t add)
{
	bool first = true;
	uint64_t cst = add;
	if (s->n && s->terms[0].n == 0)
		cst = sat_add(cst, s->terms[0].coef);
	if (cst || s->n == 0 || (s->n == 1 && s->terms[0].n == 0)) {
		sb_printf(out, "%llu", (unsigned long long)cst);
		first = false;
	}
	for (int i = 0; i < s->n; i++) {
		const SymTerm *t = &s->terms[i];
		if (t->n == 0)
			continue;
		if (!first)
			sb_puts(out, " + ");
		first = false;
		if (t->coef != 1)
			sb_printf(out, "%llu * ", (unsigned long long)t->coef);
		for (int k = 0; k < t->n; k++) {
			if (k)
				sb_puts(out, " * ");
			print_atom(out, t->atoms[k]);
		}
	}
}

void sym_print(StrBuf *out, const Sym *s)
{
	if (s->unknown) {
		sb_puts(out, "unknown");
		return;
	}
	if (s->den == 1) {
		print_poly(out, s, 0);
		return;
	}
	/* ceil(p / d) == (p + d - 1) // d for integers p */
	sb_putc(out, '(');
	print_poly(out, s, s->den - 1);
	sb_printf(out, ") // %llu", (unsigned long long)s->den);
}

void sym_print_bytes(StrBuf *out, uint64_t v)
{
	if (v == MEM_INF) {
		sb_puts(out, "? B");
		return;
	}
	sb_printf(out, "%llu B", (unsigned long long)v);
	static const char *const units[] = {"KiB", "MiB", "GiB", "TiB"};
	double x = (double)v;
	int u = -1;
	while (x >= 1024 && u < 3) {
		x /= 1024;
		u++;
	}
	if (u >= 0)
		sb_printf(out, " (%.1f %s)", x, units[u]);
}

/* ---- measuring files ---- */

/* Reads the file and counts what docs/memest.md defines: lines as text
 * mode splits them (\n, \r\n and \r each end one), the longest line in
 * bytes with its terminator, and 1 byte per character unless some byte
 * is not ASCII (then 4, the widest a str can be). */
static void measure(FileStat *st, const char *full)
{
	struct stat sb;
	if (stat(full, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size > MAX_FILE_BYTES)
		return;
	FILE *f = fopen(full, "rb");
	if (!f)
		return;
	unsigned char buf[65536];
	uint64_t bytes = 0, lines = 0, cur = 0, prev = 0, maxline = 0;
	bool wide = false, cr = false;
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0) {
		for (size_t i = 0; i < n; i++) {
			unsigned char b = buf[i];
			wide |= b >= 0x80;
			if (cr && b == '\n') {
				/* the \n of a \r\n belongs to the line the \r ended */
				prev++;
				maxline = prev > maxline ? prev : maxline;
				cr = false;
				continue;
			}
			cr = false;
			cur++;
			if (b == '\n' || b == '\r') {
				lines++;
				maxline = cur > maxline ? cur : maxline;
				prev = cur;
				cur = 0;
				cr = b == '\r';
			}
		}
		bytes += n;
	}
	if (cur > 0) {
		lines++;
		maxline = cur > maxline ? cur : maxline;
	}
	bool ok = !ferror(f);
	fclose(f);
	if (!ok)
		return;
	st->found = true;
	st->v[FS_LINES] = lines;
	st->v[FS_BYTES] = bytes;
	st->v[FS_MAXLINE] = maxline;
	st->v[FS_WIDTH] = wide ? 4 : 1;
}

const FileStat *sym_file_stat(SymCtx *c, const char *path)
{
	for (int i = 0; i < c->nfiles; i++)
		if (strcmp(c->files[i].path, path) == 0)
			return &c->files[i];
	if (c->nfiles == c->files_cap) {
		c->files_cap = c->files_cap ? c->files_cap * 2 : 8;
		c->files = xrealloc(c->files, (size_t)c->files_cap * sizeof *c->files);
	}
	FileStat *st = &c->files[c->nfiles++];
	memset(st, 0, sizeof *st);
	st->path = arena_strdup(c->arena, path);
	if (*path) {
		StrBuf full;
		sb_init(&full);
		if (path[0] == '/')
			sb_puts(&full, path);
		else
			sb_printf(&full, "%s/%s", c->dir, path);
		measure(st, full.data);
		sb_free(&full);
	}
	return st;
}

/* Words on a line as split() finds them: runs between ASCII whitespace;
 * a byte that is not ASCII may be Unicode whitespace (U+00A0, U+2003...)
 * splitting a run, so each adds one (an upper bound). */
static uint64_t count_words(const StrBuf *line)
{
	uint64_t n = 0;
	bool in = false;
	for (size_t i = 0; i < line->len; i++) {
		unsigned char b = (unsigned char)line->data[i];
		bool ws = b == ' ' || (b >= 0x09 && b <= 0x0d) || (b >= 0x1c && b <= 0x1f);
		if (b >= 0x80)
			n++;
		if (!ws && !in)
			n++;
		in = !ws;
	}
	return n;
}

/* The distinct words of a file and the longest, as split() finds them
 * when the file is ASCII; a file with other bytes (Unicode whitespace may
 * split a run) is bounded by its word count and longest line instead. */
typedef struct WordSet { char **slots; size_t cap, len; uint64_t longest; } WordSet;

static void wordset_add(WordSet *w, const char *s, size_t n)
{
	if (n > w->longest)
		w->longest = n;
	if (2 * (w->len + 1) > w->cap) {
		WordSet g = {xcalloc(w->cap ? 2 * w->cap : 64, sizeof(char *)), w->cap ? 2 * w->cap : 64,
		             0, w->longest};
		for (size_t i = 0; i < w->cap; i++)
			if (w->slots[i]) {
				size_t j = hash_bytes(1469598103934665603u, w->slots[i], strlen(w->slots[i])) & (g.cap - 1);
				while (g.slots[j])
					j = (j + 1) & (g.cap - 1);
				g.slots[j] = w->slots[i];
				g.len++;
			}
		free(w->slots);
		*w = g;
	}
	size_t j = hash_bytes(1469598103934665603u, s, n) & (w->cap - 1);
	for (; w->slots[j]; j = (j + 1) & (w->cap - 1))
		if (strlen(w->slots[j]) == n && memcmp(w->slots[j], s, n) == 0)
			return;
	char *copy = xmalloc(n + 1);
	memcpy(copy, s, n);
	copy[n] = '\0';
	w->slots[j] = copy;
	w->len++;
}

static void wordset_free(WordSet *w)
{
	for (size_t i = 0; i < w->cap; i++)
		free(w->slots[i]);
	free(w->slots);
}

static bool ascii_space(unsigned char b)
{
	return b == ' ' || (b >= 0x09 && b <= 0x0d) || (b >= 0x1c && b <= 0x1f);
}

static void add_words(WordSet *w, const StrBuf *line)
{
	size_t i = 0;
	while (i < line->len) {
		while (i < line->len && ascii_space((unsigned char)line->data[i]))
			i++;
		size_t start = i;
		while (i < line->len && !ascii_space((unsigned char)line->data[i]))
			i++;
		if (i > start)
			wordset_add(w, line->data + start, i - start);
	}
}

/* Counts a separator in each line (text mode's lines) of a file: the
 * total and the most on one line, as str.count counts (no overlaps); the
 * empty separator counts words (split()'s parts). */
const SepStat *sym_sep_stat(SymCtx *c, const char *path, const char *sep)
{
	for (int i = 0; i < c->nseps; i++)
		if (strcmp(c->seps[i].path, path) == 0 && strcmp(c->seps[i].sep, sep) == 0)
			return &c->seps[i];
	if (c->nseps == c->seps_cap) {
		c->seps_cap = c->seps_cap ? c->seps_cap * 2 : 8;
		c->seps = xrealloc(c->seps, (size_t)c->seps_cap * sizeof *c->seps);
	}
	SepStat *ss = &c->seps[c->nseps++];
	memset(ss, 0, sizeof *ss);
	ss->path = arena_strdup(c->arena, path);
	ss->sep = arena_strdup(c->arena, sep);
	const FileStat *st = sym_file_stat(c, path);
	size_t k = strlen(sep);
	if (!st->found || strchr(sep, '\n') || strchr(sep, '\r'))
		return ss;
	StrBuf full;
	sb_init(&full);
	if (path[0] == '/')
		sb_puts(&full, path);
	else
		sb_printf(&full, "%s/%s", c->dir, path);
	FILE *f = fopen(full.data, "rb");
	sb_free(&full);
	if (!f)
		return ss;
	/* a line at a time: separators hold no line ends, so none spans two */
	StrBuf line;
	sb_init(&line);
	uint64_t total = 0, most = 0;
	int ch;
	bool ok = true;
	WordSet words = {0};
	for (;;) {
		ch = fgetc(f);
		if (ch == EOF || ch == '\n' || ch == '\r') {
			uint64_t n = 0;
			if (k == 0) {
				n = count_words(&line);
				add_words(&words, &line);
			}
			for (const char *p = line.data; k && line.len && (p = strstr(p, sep)); p += k)
				n++;
			total += n;
			most = n > most ? n : most;
			sb_clear(&line);
			if (ch == EOF)
				break;
			continue;
		}
		if (ch == 0) {
			ok = false; /* a NUL would cut the search short */
			break;
		}
		sb_putc(&line, (char)ch);
	}
	ok &= !ferror(f);
	fclose(f);
	sb_free(&line);
	if (!ok) {
		wordset_free(&words);
		return ss;
	}
	ss->found = true;
	ss->count = total;
	ss->maxcount = most;
	bool ascii = st->v[FS_WIDTH] == 1;
	ss->distinct = ascii ? words.len : total;
	ss->maxpart = ascii ? words.longest : st->v[FS_MAXLINE];
	wordset_free(&words);
	return ss;
}
