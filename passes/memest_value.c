/* memest_value.c: what the memory estimator knows of one value (AVal):
 * its kind, the range of an int, the length of a str or a container, what
 * its items are like, and the bytes of the objects it reaches.
 *
 * Values form a lattice the analysis iterates on: BOT (not seen yet)
 * below everything, TOP (any object) above; join takes the larger of
 * every bound, widen gives up on bounds that keep growing around a loop. */
#include "passes/memest.h"

#include <stdio.h>

#define SY (&E->S)

enum {
	STR_HEAD = 49,      /* sizeof(PyASCIIObject) + the NUL */
	LIST_HEAD = 56,
	TUPLE_HEAD = 40,
	PTR = 8,
	ITER_BYTES = 56,
	RANGE_BYTES = 48,
	FUNC_BYTES = 152,
	/* An int the analysis cannot bound is taken to need at most three
	 * 30-bit digits (below 2**90): the one assumption the estimate rests
	 * on rather than proves (docs/memest.md). */
	INT_UNBOUNDED_BYTES = 36,
	INT_UNBOUNDED_DIGITS = 28,
	FLOAT_REPR = 24,    /* len(repr(-1.2345678901234567e-308)) */
};

/* Nothing: no value yet, or the item of an empty container. Its bounds
 * are zero, so a count of zero such items costs nothing. */
static const Sym zero_sym = {false, 0, 1, NULL};
static const AVal bot_val = {.kind = AK_BOT, .graph = &zero_sym, .len = &zero_sym};

const AVal *av_bot(void)
{
	return &bot_val;
}

static AVal *new_val(MemEst *E, AKind k)
{
	AVal *a = arena_alloc(&E->arena, sizeof *a);
	a->kind = k;
	a->graph = SY->zero;
	return a;
}

static AVal *copy_val(MemEst *E, const AVal *a)
{
	AVal *b = arena_alloc(&E->arena, sizeof *b);
	*b = *a;
	return b;
}

const AVal *av_top(MemEst *E, const Sym *graph)
{
	AVal *a = new_val(E, AK_TOP);
	a->graph = graph ? graph : sym_unknown(SY);
	a->len = sym_unknown(SY);
	return a;
}

/* ---- ints ---- */

static int bitlen(uint64_t v)
{
	int n = 0;
	while (v) {
		n++;
		v >>= 1;
	}
	return n;
}

static uint64_t mag(int64_t v)
{
	return v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
}

uint64_t int_bytes(int64_t lo, int64_t hi)
{
	if (lo <= -AV_INF || hi >= AV_INF)
		return INT_UNBOUNDED_BYTES;
	uint64_t m = mag(lo) > mag(hi) ? mag(lo) : mag(hi);
	return pysize_int_bits((uint64_t)bitlen(m));
}

uint64_t int_alloc(int64_t lo, int64_t hi)
{
	/* -5..256 are preallocated and shared */
	if (lo >= -5 && hi <= 256)
		return 0;
	/* a one-digit int made at run time (PyLong_FromLong, arithmetic) is
	 * allocated as sizeof(PyLongObject), 32 bytes, though getsizeof
	 * says 28 */
	uint64_t b = int_bytes(lo, hi);
	return b < 32 ? 32 : b;
}

const AVal *av_int(MemEst *E, int64_t lo, int64_t hi, const Sym *ub)
{
	AVal *a = new_val(E, AK_INT);
	a->lo = lo < -AV_INF ? -AV_INF : lo;
	a->hi = hi;
	a->ub = ub;
	a->graph = sym_num(SY, int_bytes(lo, hi));
	return a;
}

const AVal *av_simple(MemEst *E, AKind k)
{
	AVal *a = new_val(E, k);
	switch (k) {
	case AK_NONE: a->graph = sym_num(SY, pysize_none()); break;
	case AK_BOOL: a->graph = sym_num(SY, pysize_bool()); a->lo = 0; a->hi = 1; break;
	case AK_FLOAT:
		a->graph = sym_num(SY, pysize_float());
		a->lo = -AV_INF;
		a->hi = AV_INF;
		break;
	case AK_MODULE: break; /* shared by every task: it costs no transfer */
	default: a->graph = sym_unknown(SY); break;
	}
	return a;
}

/* ---- floats ---- */

/* A float's range is kept as integer bounds lo <= x <= hi, and only while
 * they are within 2**53: every integer up to there is a double, and
 * rounding is monotonic, so an operation on values within bounds that are
 * doubles gives a double within the bound computed exactly (fl(a + b) <=
 * A + B when a <= A, b <= B and A + B is a double). Past 2**53 the bound
 * is given up. */
#define FLOAT_EXACT ((int64_t)1 << 53)

const AVal *av_float(MemEst *E, int64_t lo, int64_t hi)
{
	AVal *a = (AVal *)av_simple(E, AK_FLOAT);
	if (lo >= -FLOAT_EXACT && hi <= FLOAT_EXACT && lo <= hi) {
		a->lo = lo;
		a->hi = hi;
	}
	return a;
}

const AVal *av_float_const(MemEst *E, double f)
{
	/* NaN fails both comparisons: no bound */
	if (!(f >= -(double)FLOAT_EXACT && f <= (double)FLOAT_EXACT))
		return av_simple(E, AK_FLOAT);
	int64_t t = (int64_t)f; /* toward zero */
	return av_float(E, t - (f < (double)t), t + (f > (double)t));
}

/* ---- str ---- */

const Sym *str_bytes(MemEst *E, const Sym *len, const Sym *width)
{
	/* (49 + n) * width covers every kind: latin-1 is 74 + n, UCS-2
	 * 74 + 2n, UCS-4 76 + 4n bytes, against width 2, 2 and 4 */
	return sym_mul(SY, sym_add(SY, sym_num(SY, STR_HEAD), len), width);
}

const AVal *av_str(MemEst *E, const Sym *len, const Sym *width)
{
	AVal *a = new_val(E, AK_STR);
	a->len = len;
	a->width = width ? width : SY->one;
	a->graph = str_bytes(E, a->len, a->width);
	return a;
}

const AVal *av_str_const(MemEst *E, const char *s, size_t n)
{
	uint64_t chars = 0;
	int width = 1;
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		if ((b & 0xc0) != 0x80)
			chars++;
		if (b >= 0xf0)
			width = 4;
		else if (b >= 0x80 && width < 2)
			width = 2;
	}
	AVal *a = new_val(E, AK_STR);
	a->len = sym_num(SY, chars);
	a->width = sym_num(SY, (uint64_t)width);
	a->graph = sym_num(SY, pysize_str_utf8(s, n));
	/* the text itself, for open() with a path passed along */
	if (!memchr(s, 0, n) && n < 4096)
		a->name = arena_strndup(&E->arena, s, n);
	return a;
}

/* ---- containers ---- */

const Sym *list_shape_exact(MemEst *E, const Sym *n)
{
	return sym_add(SY, sym_num(SY, LIST_HEAD), sym_scale(SY, n, PTR));
}

const Sym *list_shape_appended(MemEst *E, const Sym *n)
{
	uint64_t v;
	if (sym_is_num(n, &v))
		return sym_num(SY, pysize_list_appended(v));
	/* list_resize allocates newsize + newsize/8 + 6 slots at most:
	 * 56 + 8 * (n + n/8 + 6) = 104 + 9n */
	return sym_add(SY, sym_num(SY, 104), sym_scale(SY, n, 9));
}

const Sym *list_shape_sized(MemEst *E, const Sym *n)
{
	uint64_t v;
	if (sym_is_num(n, &v))
		return sym_num(SY, pysize_list_from_sized(v));
	return sym_add(SY, sym_num(SY, LIST_HEAD + PTR), sym_scale(SY, n, PTR));
}

const Sym *list_shape_iter(MemEst *E, const Sym *n)
{
	/* list(iterator), readlines, split: 12 slots first (the length hint
	 * of 8 resized, or split's preallocation), then appends; the largest
	 * size is before any final shrink */
	uint64_t v;
	if (sym_is_num(n, &v))
		return sym_num(SY, pysize_list_split(v));
	return sym_add(SY, sym_num(SY, 152), sym_scale(SY, n, 9));
}

const Sym *dict_shape(MemEst *E, const Sym *n, bool strkeys)
{
	uint64_t v;
	if (sym_is_num(n, &v)) {
		uint64_t a = strkeys ? pysize_dict(v) : pysize_dict_general(v);
		uint64_t b = strkeys ? pysize_dict_display(v) : 0;
		return sym_num(SY, a > b ? a : b);
	}
	/* the table holds at most max(8, 3n) slots (it doubles when full),
	 * 2/3 of them entries of 16 or 24 bytes, and an index of at most 4
	 * bytes per slot: 96 + (2 * entry + 12) * max(n, 3) */
	return sym_add(SY, sym_num(SY, 96),
	               sym_scale(SY, sym_max(SY, n, sym_num(SY, 3)), strkeys ? 44 : 60));
}

const Sym *set_shape(MemEst *E, const Sym *n)
{
	uint64_t v;
	if (sym_is_num(n, &v))
		return sym_num(SY, pysize_set(v));
	/* a resize makes the smallest table above 4 * used entries: at most
	 * 8n entries of 16 bytes */
	return sym_add(SY, sym_num(SY, 216), sym_scale(SY, n, 128));
}

const AVal *av_coll(MemEst *E, AKind k, const Sym *len, const AVal *elem, const AVal *val,
                    const Sym *sum_len, const Sym *items, const Sym *shape)
{
	AVal *a = new_val(E, k);
	a->len = len;
	a->elem = elem;
	a->val = val;
	a->sum_len = sum_len;
	a->items = items ? items : sym_mul(SY, len, sym_add(SY, elem ? elem->graph : SY->zero,
	                                                     val ? val->graph : SY->zero));
	a->shape = shape;
	a->graph = sym_add(SY, shape, a->items);
	return a;
}

const AVal *av_tuple(MemEst *E, int n, const AVal **items)
{
	AVal *a = new_val(E, AK_TUPLE);
	a->ntup = n;
	a->tup = arena_alloc(&E->arena, (size_t)(n ? n : 1) * sizeof *a->tup);
	const AVal *elem = av_bot();
	const Sym *sum = SY->zero, *slen = SY->zero;
	for (int i = 0; i < n; i++) {
		a->tup[i] = items[i];
		elem = av_join(E, elem, items[i]);
		sum = sym_add(SY, sum, items[i]->graph);
		slen = sym_add(SY, slen, av_len(E, items[i]));
	}
	a->elem = n ? elem : av_top(E, NULL);
	a->len = sym_num(SY, (uint64_t)n);
	a->items = sum;
	a->sum_len = slen;
	a->shape = sym_num(SY, pysize_tuple((uint64_t)n));
	a->graph = sym_add(SY, a->shape, sum);
	return a;
}

const AVal *av_seq_tuple(MemEst *E, const Sym *len, const AVal *elem, const Sym *items)
{
	AVal *a = new_val(E, AK_TUPLE);
	a->len = len;
	a->elem = elem;
	a->items = items ? items : sym_mul(SY, len, elem->graph);
	a->shape = sym_add(SY, sym_num(SY, TUPLE_HEAD), sym_scale(SY, len, PTR));
	a->graph = sym_add(SY, a->shape, a->items);
	return a;
}

const AVal *av_iter(MemEst *E, AKind k, const Sym *len, const AVal *elem, const Sym *sum_len,
                    Fresh fresh)
{
	AVal *a = new_val(E, k);
	a->len = len;
	a->elem = elem;
	a->sum_len = sum_len;
	a->fresh = fresh;
	a->graph = sym_num(SY, k == AK_RANGE ? RANGE_BYTES : ITER_BYTES);
	return a;
}

const AVal *av_obj(MemEst *E, AKind k, const char *name, const Sym *graph)
{
	AVal *a = new_val(E, k);
	a->name = name;
	a->graph = graph ? graph : sym_unknown(SY);
	a->len = sym_unknown(SY);
	return a;
}

/* ---- reading values ---- */

const AVal *av_item(MemEst *E, const AVal *a)
{
	if (a->elem)
		return a->elem;
	if (a->kind == AK_STR)
		return av_str(E, SY->one, a->width);
	return av_top(E, NULL);
}

const Sym *av_len(MemEst *E, const AVal *a)
{
	if (a->kind == AK_TUPLE && a->ntup)
		return sym_num(SY, (uint64_t)a->ntup);
	return a->len ? a->len : sym_unknown(SY);
}

const Sym *av_items(MemEst *E, const AVal *a)
{
	if (a->items)
		return a->items;
	return sym_mul(SY, av_len(E, a), av_item(E, a)->graph);
}

const Sym *av_sum_len(MemEst *E, const AVal *a)
{
	if (a->sum_len)
		return a->sum_len;
	return sym_mul(SY, av_len(E, a), av_len(E, av_item(E, a)));
}

const AVal *av_with_len(MemEst *E, const AVal *a, const Sym *len)
{
	AVal *b = copy_val(E, a);
	b->len = len;
	if (b->kind == AK_STR)
		b->graph = str_bytes(E, len, b->width);
	return b;
}

/* ---- the lattice ---- */

static const Sym *smax(MemEst *E, const Sym *a, const Sym *b)
{
	if (!a || !b)
		return NULL;
	return sym_max(SY, a, b);
}

static const Sym *int_ub(MemEst *E, const AVal *a)
{
	if (a->ub)
		return a->ub;
	return a->hi < AV_INF ? sym_num(SY, a->hi > 0 ? (uint64_t)a->hi : 0) : NULL;
}

static const AVal *join_depth(MemEst *E, const AVal *a, const AVal *b, int depth);

static const AVal *join_opt(MemEst *E, const AVal *a, const AVal *b, int depth)
{
	if (!a || !b)
		return a ? a : b;
	return join_depth(E, a, b, depth);
}

static const AVal *join_depth(MemEst *E, const AVal *a, const AVal *b, int depth)
{
	if (a == b || b->kind == AK_BOT)
		return a;
	if (a->kind == AK_BOT)
		return b;
	if (depth > 12)
		return av_top(E, NULL);
	/* None joins anything as "that, or None" */
	if (a->kind == AK_NONE || b->kind == AK_NONE) {
		const AVal *x = a->kind == AK_NONE ? b : a;
		if (x->kind == AK_NONE)
			return x;
		AVal *r = copy_val(E, x);
		r->graph = sym_max(SY, x->graph, sym_num(SY, pysize_none()));
		return r;
	}
	if ((a->kind == AK_BOOL && b->kind == AK_INT) || (a->kind == AK_INT && b->kind == AK_BOOL)) {
		int64_t lo = a->lo < b->lo ? a->lo : b->lo, hi = a->hi > b->hi ? a->hi : b->hi;
		return av_int(E, lo, hi, NULL);
	}
	if (a->kind != b->kind) {
		/* one of several kinds: keep what bounds its size and its text */
		AVal *t = (AVal *)av_top(E, sym_max(SY, a->graph, b->graph));
		t->rlen = sym_max(SY, av_str_len(E, a, true, depth), av_str_len(E, b, true, depth));
		t->width = sym_max(SY, text_width(E, a, depth), text_width(E, b, depth));
		return t;
	}
	AVal *r = copy_val(E, a);
	r->lo = a->lo < b->lo ? a->lo : b->lo;
	r->hi = a->hi > b->hi ? a->hi : b->hi;
	if (a->kind == AK_INT) {
		const Sym *ua = int_ub(E, a), *ub = int_ub(E, b);
		r->ub = ua && ub ? sym_max(SY, ua, ub) : NULL;
		if (!a->ub && !b->ub)
			r->ub = NULL;
	}
	r->len = smax(E, a->len, b->len);
	r->width = smax(E, a->width, b->width);
	r->sum_len = smax(E, a->sum_len, b->sum_len);
	r->items = smax(E, a->items, b->items);
	r->shape = smax(E, a->shape, b->shape);
	r->graph = sym_max(SY, a->graph, b->graph);
	r->ifresh = a->ifresh || b->ifresh
	            ? sym_max(SY, a->ifresh ? a->ifresh : SY->zero, b->ifresh ? b->ifresh : SY->zero)
	            : NULL;
	r->rlen = smax(E, a->rlen, b->rlen);
	r->elem = join_opt(E, a->elem, b->elem, depth + 1);
	r->val = join_opt(E, a->val, b->val, depth + 1);
	if (a->ntup && a->ntup == b->ntup) {
		r->tup = arena_alloc(&E->arena, (size_t)a->ntup * sizeof *r->tup);
		for (int i = 0; i < a->ntup; i++)
			r->tup[i] = join_depth(E, a->tup[i], b->tup[i], depth + 1);
	} else {
		r->ntup = 0;
		r->tup = NULL;
		if (a->kind == AK_TUPLE)
			r->len = sym_max(SY, av_len(E, a), av_len(E, b));
	}
	if (!a->name || !b->name || strcmp(a->name, b->name) != 0)
		r->name = NULL;
	if (a->fn != b->fn) {
		r->fn = NULL;
		r->mkfn = NULL;
	}
	if (a->mode != b->mode)
		r->mode = 'w';
	r->fresh = a->fresh > b->fresh ? a->fresh : b->fresh;
	r->strkeys = a->strkeys && b->strkeys;
	r->approx = a->approx || b->approx;
	r->fresh_items = a->fresh_items || b->fresh_items;
	if (!a->src || !b->src || strcmp(a->src, b->src) != 0)
		r->src = NULL;
	if (a->line != b->line)
		r->line = NULL;
	r->appended = a->appended && b->appended;
	/* either one's values: at most both counts together */
	r->distinct = !a->distinct || !b->distinct ? NULL
	              : sym_equal(a->distinct, b->distinct) ? a->distinct
	              : sym_add(SY, a->distinct, b->distinct);
	return r;
}

const AVal *av_join(MemEst *E, const AVal *a, const AVal *b)
{
	return join_depth(E, a, b, 0);
}

static bool seq(const Sym *a, const Sym *b)
{
	if (!a || !b)
		return a == b;
	return sym_equal(a, b);
}

static bool eq_depth(const AVal *a, const AVal *b, int depth)
{
	if (a == b)
		return true;
	if (!a || !b || depth > 12)
		return false;
	if (a->kind != b->kind || a->lo != b->lo || a->hi != b->hi || a->ntup != b->ntup ||
	    a->fn != b->fn || a->mode != b->mode || a->fresh != b->fresh ||
	    a->strkeys != b->strkeys || a->appended != b->appended || a->approx != b->approx ||
	    a->fresh_items != b->fresh_items)
		return false;
	if ((a->name == NULL) != (b->name == NULL) || (a->name && strcmp(a->name, b->name) != 0))
		return false;
	if ((a->src == NULL) != (b->src == NULL) || (a->src && strcmp(a->src, b->src) != 0) ||
	    a->line != b->line)
		return false;
	if (!seq(a->ub, b->ub) || !seq(a->len, b->len) || !seq(a->width, b->width) ||
	    !seq(a->sum_len, b->sum_len) || !seq(a->items, b->items) || !seq(a->shape, b->shape) ||
	    !seq(a->graph, b->graph) || !seq(a->ifresh, b->ifresh) || !seq(a->rlen, b->rlen) ||
	    !seq(a->distinct, b->distinct))
		return false;
	if (!eq_depth(a->elem, b->elem, depth + 1) || !eq_depth(a->val, b->val, depth + 1))
		return false;
	for (int i = 0; i < a->ntup; i++)
		if (!eq_depth(a->tup[i], b->tup[i], depth + 1))
			return false;
	return true;
}

bool av_equal(const AVal *a, const AVal *b)
{
	return eq_depth(a, b, 0);
}

static const Sym *wsym(MemEst *E, const Sym *old, const Sym *nw)
{
	if (!old || !nw)
		return nw;
	return sym_equal(old, nw) ? old : sym_unknown(SY);
}

static const AVal *widen_depth(MemEst *E, const AVal *old, const AVal *nw, int depth)
{
	if (!old || !nw)
		return nw;
	if (old->kind == AK_BOT || eq_depth(old, nw, 0))
		return nw;
	if (old->kind != nw->kind || depth > 12)
		return av_top(E, NULL);
	AVal *r = copy_val(E, nw);
	r->lo = nw->lo < old->lo ? -AV_INF : old->lo;
	r->hi = nw->hi > old->hi ? AV_INF : old->hi;
	if (r->kind == AK_INT) {
		r->ub = old->ub && nw->ub && sym_equal(old->ub, nw->ub) ? old->ub : NULL;
		r->graph = sym_num(SY, int_bytes(r->lo, r->hi));
	} else {
		r->graph = wsym(E, old->graph, nw->graph);
	}
	r->len = wsym(E, old->len, nw->len);
	r->width = wsym(E, old->width, nw->width);
	r->sum_len = old->sum_len && nw->sum_len && sym_equal(old->sum_len, nw->sum_len)
	             ? old->sum_len : NULL;
	r->items = wsym(E, old->items, nw->items);
	r->shape = wsym(E, old->shape, nw->shape);
	r->ifresh = wsym(E, old->ifresh, nw->ifresh);
	r->rlen = wsym(E, old->rlen, nw->rlen);
	r->distinct = seq(old->distinct, nw->distinct) ? nw->distinct : NULL;
	r->elem = widen_depth(E, old->elem, nw->elem, depth + 1);
	r->val = widen_depth(E, old->val, nw->val, depth + 1);
	if (old->ntup != nw->ntup) {
		r->ntup = 0;
		r->tup = NULL;
	} else if (nw->ntup) {
		r->tup = arena_alloc(&E->arena, (size_t)nw->ntup * sizeof *r->tup);
		for (int i = 0; i < nw->ntup; i++)
			r->tup[i] = widen_depth(E, old->tup[i], nw->tup[i], depth + 1);
	}
	return r;
}

const AVal *av_widen(MemEst *E, const AVal *old, const AVal *nw)
{
	return widen_depth(E, old, nw, 0);
}

static const Sym *nsym(MemEst *E, const Sym *s, const MemAtom *item)
{
	if (!s)
		return NULL;
	return item ? sym_max_over(SY, s, item) : sym_no_items(SY, s);
}

static const AVal *no_items_depth(MemEst *E, const AVal *a, const MemAtom *item, int depth)
{
	if (!a || a->kind == AK_BOT)
		return a;
	if (depth > 12)
		return av_top(E, NULL);
	AVal *r = copy_val(E, a);
	r->ub = nsym(E, a->ub, item);
	r->len = nsym(E, a->len, item);
	r->width = nsym(E, a->width, item);
	r->sum_len = nsym(E, a->sum_len, item);
	r->items = nsym(E, a->items, item);
	r->shape = nsym(E, a->shape, item);
	r->graph = nsym(E, a->graph, item);
	r->ifresh = nsym(E, a->ifresh, item);
	r->rlen = nsym(E, a->rlen, item);
	if (a->line && (!item || a->line == item || a->line->group == item))
		r->line = NULL; /* no longer that loop's current line */
	r->elem = no_items_depth(E, a->elem, item, depth + 1);
	r->val = no_items_depth(E, a->val, item, depth + 1);
	if (a->ntup) {
		r->tup = arena_alloc(&E->arena, (size_t)a->ntup * sizeof *r->tup);
		for (int i = 0; i < a->ntup; i++)
			r->tup[i] = no_items_depth(E, a->tup[i], item, depth + 1);
	}
	return r;
}

const AVal *av_no_items(MemEst *E, const AVal *a, const MemAtom *item)
{
	return no_items_depth(E, a, item, 0);
}

/* ---- str() and repr() ---- */

const Sym *text_width(MemEst *E, const AVal *a, int depth)
{
	if (depth > 6)
		return sym_num(SY, 4);
	switch (a->kind) {
	case AK_INT: case AK_FLOAT: case AK_BOOL: case AK_NONE: case AK_RANGE: case AK_BOT:
		return SY->one;
	case AK_STR:
		return a->width;
	case AK_TOP:
		return a->width ? a->width : sym_num(SY, 4);
	case AK_LIST: case AK_SET: case AK_TUPLE: case AK_DICT: {
		const Sym *w = text_width(E, av_item(E, a), depth + 1);
		if (a->val)
			w = sym_max(SY, w, text_width(E, a->val, depth + 1));
		for (int i = 0; i < a->ntup; i++)
			w = sym_max(SY, w, text_width(E, a->tup[i], depth + 1));
		return w;
	}
	default:
		return sym_num(SY, 4);
	}
}

uint64_t memest_decimal_digits(uint64_t v)
{
	uint64_t n = 1;
	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

const Sym *av_str_len(MemEst *E, const AVal *a, bool repr, int depth)
{
	if (depth > 8)
		return sym_unknown(SY);
	const Sym *two = sym_num(SY, 2);
	switch (a->kind) {
	case AK_INT: {
		if (a->lo <= -AV_INF || a->hi >= AV_INF)
			return sym_num(SY, INT_UNBOUNDED_DIGITS + 1);
		uint64_t m = mag(a->lo) > mag(a->hi) ? mag(a->lo) : mag(a->hi);
		return sym_num(SY, memest_decimal_digits(m) + (a->lo < 0));
	}
	case AK_FLOAT: return sym_num(SY, FLOAT_REPR);
	case AK_BOOL: return sym_num(SY, 5);
	case AK_NONE: return sym_num(SY, 4);
	case AK_STR: {
		if (!repr)
			return a->len;
		/* quotes, and at most \xNN per character, \uXXXX at width 2,
		 * \UXXXXXXXX at 4: 2 + 2 * width characters */
		return sym_add(SY, two, sym_mul(SY, a->len, sym_add(SY, two, sym_scale(SY, a->width, 2))));
	}
	case AK_LIST: case AK_SET: case AK_TUPLE: {
		const Sym *each;
		if (a->kind == AK_TUPLE && a->ntup) {
			each = SY->zero;
			for (int i = 0; i < a->ntup; i++)
				each = sym_add3(SY, each, av_str_len(E, a->tup[i], true, depth + 1), two);
			return sym_add(SY, each, sym_num(SY, 3));
		}
		each = sym_add(SY, av_str_len(E, av_item(E, a), true, depth + 1), two);
		/* "set()" and the 1-tuple's comma */
		return sym_add(SY, sym_num(SY, 5), sym_mul(SY, av_len(E, a), each));
	}
	case AK_DICT: {
		const Sym *k = av_str_len(E, av_item(E, a), true, depth + 1);
		const Sym *v = a->val ? av_str_len(E, a->val, true, depth + 1) : sym_unknown(SY);
		return sym_add(SY, two, sym_mul(SY, av_len(E, a), sym_add3(SY, k, v, sym_num(SY, 4))));
	}
	case AK_RANGE:
		return sym_num(SY, 50);
	case AK_FUNC:
		return sym_num(SY, 64 + (a->fn ? strlen(a->fn->name) : 32));
	case AK_FILE:
		return sym_num(SY, 96 + (a->name ? strlen(a->name) * 4 : 4096));
	case AK_TOP:
		return a->rlen ? a->rlen : sym_unknown(SY);
	default:
		return sym_unknown(SY);
	}
}

/* ---- memo keys ---- */

static void put_sym(StrBuf *out, const Sym *s)
{
	if (!s) {
		sb_puts(out, "-");
		return;
	}
	sym_print(out, s);
}

void av_fingerprint(StrBuf *out, const AVal *a, int depth)
{
	if (!a) {
		sb_puts(out, "_");
		return;
	}
	if (depth > 6) {
		sb_puts(out, "...");
		return;
	}
	sb_printf(out, "{%d %lld %lld %d %c %d %d %d %d %d ", (int)a->kind, (long long)a->lo,
	          (long long)a->hi, a->ntup, a->mode ? a->mode : '.', (int)a->fresh, a->strkeys,
	          a->appended, a->approx, a->fresh_items);
	sb_puts(out, a->name ? a->name : "");
	sb_printf(out, " %s %s %d ", a->fn ? a->fn->name : "", a->src ? a->src : "",
	          a->line ? a->line->id : -1);
	const Sym *syms[] = {a->ub, a->len, a->width, a->sum_len, a->items, a->shape, a->graph,
	                     a->ifresh, a->rlen, a->distinct};
	for (size_t i = 0; i < sizeof syms / sizeof *syms; i++) {
		put_sym(out, syms[i]);
		sb_putc(out, ';');
	}
	av_fingerprint(out, a->elem, depth + 1);
	av_fingerprint(out, a->val, depth + 1);
	for (int i = 0; i < a->ntup; i++)
		av_fingerprint(out, a->tup[i], depth + 1);
	sb_putc(out, '}');
}

const Sym *av_distinct(MemEst *E, const AVal *a)
{
	switch (a->kind) {
	case AK_NONE:
		return SY->one;
	case AK_BOOL:
		return sym_num(SY, 2);
	case AK_INT:
		if (a->lo > -AV_INF && a->hi < AV_INF && a->lo <= a->hi && a->hi - a->lo < (1ll << 40))
			return sym_num(SY, (uint64_t)(a->hi - a->lo) + 1);
		break;
	case AK_STR:
		if (a->name)
			return SY->one;
		break;
	case AK_TUPLE: {
		/* a pair of bounded values: at most the product */
		const Sym *n = a->ntup && a->tup ? SY->one : NULL;
		for (int i = 0; n && i < a->ntup; i++) {
			const Sym *d = av_distinct(E, a->tup[i]);
			n = d ? sym_mul(SY, n, d) : NULL;
		}
		if (n)
			return n;
		break;
	}
	default:
		break;
	}
	return a->distinct;
}

/* keep the constants in one place for the ops */
const int memest_func_bytes = FUNC_BYTES;
