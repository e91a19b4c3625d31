/* memest_ops.c: what one instruction makes, for the memory estimator.
 *
 * For every instruction: the value it gives (an AVal), the bytes one
 * execution makes that outlive it (alloc: the new object and what it
 * holds that is new), and the bytes it makes and frees again before it
 * returns (extra: sort buffers, print's text, a file's read chunk, a
 * callee's peak); calls are memest_builtins.c's. Also: which
 * instructions grow which objects (ops_growth), store a value into
 * another (ops_stored_into) or keep one alive (ops_keeps_alive).
 *
 * The constants (memest.h) were measured with tracemalloc on CPython 3.11 (64-bit
 * Linux, 4 KiB file system blocks), then rounded up; docs/memest.md lists
 * where each comes from, bench/memcheck.py checks them on the workloads. */
#include "passes/memest.h"

#include <stdio.h>
#include <stdlib.h>

#define SY (&E->S)


/* import costs: a bare interpreter (python3 -I -S), the largest of the
 * 3.11 builds measured, plus 3% (docs/memest.md) */
static const struct { const char *name; uint64_t bytes; } imports[] = {
	{"csv", 1109 * 1024}, {"math", 25 * 1024}, {"random", 415 * 1024},
	{"sys", 1024}, {"os", 167 * 1024}, {"os.path", 167 * 1024},
};

uint64_t ops_import_bytes(const char *module)
{
	for (size_t i = 0; i < sizeof imports / sizeof *imports; i++)
		if (strcmp(imports[i].name, module) == 0)
			return imports[i].bytes;
	return MEM_INF;
}

/* ---- helpers ---- */

/* A new object like a (int, float, str) and what making it costs. */
const Sym *ops_fresh_bytes(MemEst *E, const AVal *a)
{
	switch (a->kind) {
	case AK_INT: return num(E, int_alloc(a->lo, a->hi));
	case AK_BOOL: case AK_NONE: return SY->zero;
	default: return a->graph;
	}
}

/* The bytes iterating a makes for each item (new lines, new ints) */
const Sym *ops_item_fresh(MemEst *E, const AVal *a, const AVal *item)
{
	switch (a->fresh) {
	case FR_ITEM: return ops_fresh_bytes(E, item);
	case FR_TUPLE: return num(E, pysize_tuple(item->ntup ? (uint64_t)item->ntup : 2));
	case FR_GEN: return a->ifresh ? a->ifresh : unk(E);
	default:
		if (a->kind == AK_STR) {
			/* one-character strs: latin-1 ones are shared */
			uint64_t w;
			return sym_is_num(a->width, &w) && w == 1 ? SY->zero : num(E, 76);
		}
		return SY->zero;
	}
}

const Sym *ops_items_fresh(MemEst *E, const AVal *a)
{
	if (a->fresh == FR_NONE)
		return SY->zero;
	if (a->fresh == FR_GEN)
		return a->items ? a->items : sym_mul(SY, av_len(E, a), ops_item_fresh(E, a, av_item(E, a)));
	if (a->fresh == FR_ITEM && a->kind != AK_RANGE && a->sum_len && av_item(E, a)->kind == AK_STR)
		/* lines: 49 bytes each plus their characters, times the width */
		return sym_mul(SY, sym_add(SY, sym_scale(SY, av_len(E, a), 49), a->sum_len),
		               av_item(E, a)->width);
	return sym_mul(SY, av_len(E, a), ops_item_fresh(E, a, av_item(E, a)));
}

/* Iterating any value: what the items are. */
const AVal *ops_iterable(MemEst *E, const AVal *a)
{
	switch (a->kind) {
	case AK_LIST: case AK_TUPLE: case AK_SET: case AK_ITER: case AK_RANGE: case AK_FILE:
		return a;
	case AK_DICT:
		return av_iter(E, AK_ITER, av_len(E, a), av_item(E, a), a->sum_len, FR_NONE);
	case AK_STR:
		return av_iter(E, AK_ITER, a->len, av_str(E, SY->one, a->width), a->len, FR_NONE);
	default:
		return av_iter(E, AK_ITER, a->len ? a->len : unk(E), av_top(E, NULL), NULL, FR_NONE);
	}
}

bool ops_sized(const AVal *a)
{
	return a->kind == AK_LIST || a->kind == AK_TUPLE || a->kind == AK_SET ||
	       a->kind == AK_DICT || a->kind == AK_STR || a->kind == AK_RANGE;
}

/* ---- constants ---- */

static const AVal *const_val(MemEst *E, const Constant *c)
{
	switch (c->kind) {
	case K_NONE: return av_simple(E, AK_NONE);
	case K_TRUE: case K_FALSE: return av_simple(E, AK_BOOL);
	case K_FLOAT: return av_float_const(E, c->f);
	case K_STR: return av_str_const(E, c->s.s, c->s.len);
	case K_INT:
		if (c->fits)
			return av_int(E, c->negative ? -c->i : c->i, c->negative ? -c->i : c->i, NULL);
		{
			AVal *a = (AVal *)av_int(E, -AV_INF, AV_INF, NULL);
			a->graph = num(E, pysize_int(c->digits ? c->digits : "0"));
			return a;
		}
	}
	return av_top(E, NULL);
}

const AVal *ops_const(MemEst *E, const Instr *c)
{
	return const_val(E, &c->imm.constant);
}

/* ---- arithmetic ---- */

int64_t ops_sadd(int64_t a, int64_t b)
{
	if (a <= -AV_INF || b <= -AV_INF)
		return (a >= AV_INF || b >= AV_INF) ? 0 : -AV_INF;
	if (a >= AV_INF || b >= AV_INF)
		return AV_INF;
	__int128 r = (__int128)a + b;
	return r >= AV_INF ? AV_INF : r <= -AV_INF ? -AV_INF : (int64_t)r;
}

int64_t ops_smul(int64_t a, int64_t b)
{
	if (a == 0 || b == 0)
		return 0;
	bool neg = (a < 0) != (b < 0);
	if (a <= -AV_INF || a >= AV_INF || b <= -AV_INF || b >= AV_INF)
		return neg ? -AV_INF : AV_INF;
	__int128 r = (__int128)a * b;
	return r >= AV_INF ? AV_INF : r <= -AV_INF ? -AV_INF : (int64_t)r;
}

const AVal *ops_int_op(MemEst *E, BinOpKind op, const AVal *x, const AVal *y)
{
	int64_t lo = -AV_INF, hi = AV_INF;
	const Sym *ub = NULL;
	switch (op) {
	case BINOP_ADD:
		lo = ops_sadd(x->lo, y->lo);
		hi = ops_sadd(x->hi, y->hi);
		if (x->ub && y->lo >= 0 && y->hi < AV_INF && x->lo >= 0)
			ub = sym_add(SY, x->ub, num(E, (uint64_t)y->hi));
		break;
	case BINOP_SUB:
		lo = ops_sadd(x->lo, y->hi >= AV_INF ? -AV_INF : -y->hi);
		hi = ops_sadd(x->hi, y->lo <= -AV_INF ? AV_INF : -y->lo);
		if (x->ub && y->lo >= 0 && x->lo >= 0)
			ub = x->ub;
		break;
	case BINOP_MUL: {
		int64_t c[4] = {ops_smul(x->lo, y->lo), ops_smul(x->lo, y->hi), ops_smul(x->hi, y->lo),
		                ops_smul(x->hi, y->hi)};
		lo = hi = c[0];
		for (int i = 1; i < 4; i++) {
			lo = c[i] < lo ? c[i] : lo;
			hi = c[i] > hi ? c[i] : hi;
		}
		break;
	}
	case BINOP_FLOORDIV:
		if (y->lo >= 0 && y->hi > 0 && x->lo >= 0) {
			lo = 0;
			hi = x->hi >= AV_INF ? AV_INF : x->hi / (y->lo > 0 ? y->lo : 1);
		} else if (y->lo > 0) {
			lo = x->lo <= -AV_INF ? -AV_INF : x->lo / y->lo - 1;
			hi = x->hi >= AV_INF ? AV_INF : x->hi / y->lo + 1;
		}
		break;
	case BINOP_MOD:
		/* x % 0 raises: a divisor >= 0 gives 0 <= r < divisor */
		if (y->lo >= 0 && y->hi > 0) {
			lo = 0;
			hi = y->hi >= AV_INF ? AV_INF : y->hi - 1;
			if (x->lo >= 0 && x->hi < hi)
				hi = x->hi;
		} else if (y->hi < 0) {
			lo = y->lo <= -AV_INF ? -AV_INF : y->lo + 1;
			hi = 0;
		}
		break;
	case BINOP_BITAND:
		if (x->lo >= 0 || y->lo >= 0) {
			lo = 0;
			hi = x->lo >= 0 && y->lo >= 0 ? (x->hi < y->hi ? x->hi : y->hi)
			     : x->lo >= 0 ? x->hi : y->hi;
		}
		break;
	case BINOP_RSHIFT:
		if (x->lo >= 0 && y->lo >= 0) {
			lo = 0;
			hi = x->hi;
		}
		break;
	case BINOP_POW:
		if (x->lo >= 0 && x->hi <= 1 && y->lo >= 0) {
			lo = 0;
			hi = 1;
		} else if (y->lo >= 0 && y->hi <= 62 && x->lo > -AV_INF && x->hi < AV_INF) {
			int64_t m = x->hi > -x->lo ? x->hi : -x->lo;
			int64_t r = 1;
			for (int64_t i = 0; i < y->hi && r < AV_INF; i++)
				r = ops_smul(r, m);
			lo = x->lo < 0 ? -r : 0;
			hi = r;
			if (y->lo == 0 && lo > 1)
				lo = 1;
		}
		break;
	default:
		break;
	}
	return av_int(E, lo, hi, ub);
}

static uint64_t mag64(int64_t v)
{
	return v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
}

/* The largest |x| within a range, AV_INF when unbounded. */
int64_t ops_max_mag(const AVal *a)
{
	if (a->lo <= -AV_INF || a->hi >= AV_INF)
		return AV_INF;
	uint64_t m = mag64(a->lo) > mag64(a->hi) ? mag64(a->lo) : mag64(a->hi);
	return m >= (uint64_t)AV_INF ? AV_INF : (int64_t)m;
}

/* The range of a float made by an operation on numbers of which one at
 * least is a float, or by `/` (av_float gives up past 2**53).
 * +, -, *: interval arithmetic, as for ints. x / y with |y| >= 1 (an int,
 * which cannot be 0 when there is a result, or a float at least 1 away
 * from 0): |x / y| <= |x|, the sign of x when y > 0; x // y: one more
 * (the floor); x % y takes y's sign and is smaller than |y|. */
const AVal *ops_float_op(MemEst *E, BinOpKind op, const AVal *x, const AVal *y)
{
	bool yint = y->kind == AK_INT || y->kind == AK_BOOL;
	bool ybig = yint || y->lo >= 1 || y->hi <= -1;
	int64_t m = ops_max_mag(x);
	switch (op) {
	case BINOP_ADD: case BINOP_SUB: case BINOP_MUL: {
		const AVal *r = ops_int_op(E, op, x, y);
		return av_float(E, r->lo, r->hi);
	}
	case BINOP_DIV: case BINOP_FLOORDIV: {
		if (!ybig || m >= AV_INF)
			break;
		int64_t f = op == BINOP_FLOORDIV ? 1 : 0;
		if (x->lo >= 0 && y->lo >= 0)
			return av_float(E, 0, m);
		if (x->lo >= 0 && y->hi <= 0)
			return av_float(E, -m - f, 0);
		return av_float(E, -m - f, m + f);
	}
	case BINOP_MOD:
		if (y->lo > -AV_INF && y->hi < AV_INF)
			return av_float(E, y->lo < 0 ? y->lo : 0, y->hi > 0 ? y->hi : 0);
		break;
	default:
		break;
	}
	return av_simple(E, AK_FLOAT);
}

static bool numeric(const AVal *a)
{
	return a->kind == AK_INT || a->kind == AK_BOOL || a->kind == AK_FLOAT;
}

static void binop(FnCtx *X, Instr *in, Out *o)
{
	MemEst *E = X->E;
	const AVal *x = A(X, arg(in, 0)), *y = A(X, arg(in, 1));
	BinOpKind op = in->imm.binop;
	if (x->kind == AK_BOT || y->kind == AK_BOT) {
		o->val = av_bot();
		return;
	}
	bool xi = x->kind == AK_INT || x->kind == AK_BOOL, yi = y->kind == AK_INT || y->kind == AK_BOOL;
	if (xi && yi && op != BINOP_DIV) {
		o->val = ops_int_op(E, op, x, y);
		o->alloc = num(E, int_alloc(o->val->lo, o->val->hi));
		if (op == BINOP_POW && o->val->hi >= AV_INF) {
			/* b ** e has at most e * bits(b) bits: sized when both are
			 * bounded, else any size */
			uint64_t bm = x->lo > -AV_INF && x->hi < AV_INF
			              ? (uint64_t)(x->hi > -x->lo ? x->hi : -x->lo) : 0;
			int bits = 0;
			while (bm >> bits)
				bits++;
			if (bm && y->lo >= 0 && y->hi < (1 << 20)) {
				uint64_t b = pysize_int_bits((uint64_t)bits * (uint64_t)y->hi);
				o->alloc = num(E, b);
				((AVal *)o->val)->graph = num(E, b);
			} else {
				o->alloc = unk(E);
				((AVal *)o->val)->graph = unk(E);
			}
		}
		return;
	}
	if (numeric(x) && numeric(y)) {
		o->val = ops_float_op(E, op, x, y);
		o->alloc = num(E, pysize_float());
		return;
	}
	if (x->kind == AK_STR && y->kind == AK_STR && op == BINOP_ADD) {
		o->val = av_str(E, sym_add(SY, x->len, y->len), sym_max(SY, x->width, y->width));
		o->alloc = o->val->graph;
		return;
	}
	if (x->kind == AK_STR && yi && op == BINOP_MUL) {
		const Sym *n = y->hi >= AV_INF ? (y->ub ? y->ub : unk(E)) : num(E, y->hi > 0 ? (uint64_t)y->hi : 0);
		o->val = av_str(E, sym_mul(SY, x->len, n), x->width);
		o->alloc = o->val->graph;
		return;
	}
	if (x->kind == AK_STR && op == BINOP_MOD) {
		/* "%5d,%s" % args: the format's own text and each conversion's
		 * (ops_percent); a format only the run knows has no bound (a
		 * conversion may pad to any width) */
		const char *fs = NULL;
		size_t fn = 0;
		const AVal *r = is_const_str(arg(in, 0), &fs, &fn) ? ops_percent(E, fs, fn, y) : NULL;
		o->val = r ? r : av_str(E, unk(E), num(E, 4));
		o->alloc = o->val->graph;
		/* each number's text is built in a buffer first */
		o->extra = sym_add(SY, num(E, C_TEXT + 64 * (uint64_t)(y->ntup ? y->ntup : 1)),
		                   o->val->len);
		return;
	}
	if ((x->kind == AK_LIST || x->kind == AK_TUPLE) && x->kind == y->kind && op == BINOP_ADD) {
		if (in->inplace && x->kind == AK_LIST) {
			o->val = x; /* extends x: its growth is counted there */
			return;
		}
		const Sym *n = sym_add(SY, av_len(E, x), av_len(E, y));
		const AVal *el = av_join(E, av_item(E, x), av_item(E, y));
		if (x->kind == AK_TUPLE)
			o->val = av_seq_tuple(E, n, el, sym_add(SY, av_items(E, x), av_items(E, y)));
		else
			o->val = av_coll(E, AK_LIST, n, el, NULL, NULL,
			                 sym_add(SY, av_items(E, x), av_items(E, y)), list_shape_exact(E, n));
		o->alloc = x->kind == AK_TUPLE ? sym_add(SY, num(E, 40), sym_scale(SY, n, 8))
		                               : list_shape_exact(E, n);
		return;
	}
	if ((x->kind == AK_LIST || x->kind == AK_TUPLE) && yi && op == BINOP_MUL) {
		const Sym *k = y->hi >= AV_INF ? (y->ub ? y->ub : unk(E)) : num(E, y->hi > 0 ? (uint64_t)y->hi : 0);
		if (in->inplace && x->kind == AK_LIST) {
			o->val = x;
			return;
		}
		const Sym *n = sym_mul(SY, av_len(E, x), k);
		const Sym *items = sym_mul(SY, av_items(E, x), k);
		if (x->kind == AK_TUPLE) {
			o->val = av_seq_tuple(E, n, av_item(E, x), items);
			o->alloc = sym_add(SY, num(E, 40), sym_scale(SY, n, 8));
		} else {
			o->val = av_coll(E, AK_LIST, n, av_item(E, x), NULL, NULL, items,
			                 list_shape_exact(E, n));
			o->alloc = list_shape_exact(E, n);
		}
		return;
	}
	if ((x->kind == AK_SET || x->kind == AK_DICT) && x->kind == y->kind &&
	    (op == BINOP_BITOR || op == BINOP_BITAND || op == BINOP_SUB || op == BINOP_BITXOR)) {
		if (in->inplace) {
			o->val = x;
			return;
		}
		const Sym *n = op == BINOP_BITAND || op == BINOP_SUB ? av_len(E, x)
		               : sym_add(SY, av_len(E, x), av_len(E, y));
		const Sym *shape = x->kind == AK_SET ? set_shape(E, n) : dict_shape(E, n, x->strkeys && y->strkeys);
		o->val = av_coll(E, x->kind, n, av_join(E, av_item(E, x), av_item(E, y)),
		                 x->val && y->val ? av_join(E, x->val, y->val) : NULL, NULL,
		                 sym_add(SY, av_items(E, x), av_items(E, y)), shape);
		o->alloc = shape;
		return;
	}
	o->val = av_top(E, NULL);
	o->alloc = unk(E);
}

/* ---- subscripts, iteration, strings ---- */

/* An item taken out of a container whose items were made with it: if
 * it outlives the container (kept in another one, say), its bytes go
 * with it, so the taking counts them (for its owner to keep or free). */
static const Sym *taken_out(FnCtx *X, Instr *from, const AVal *c, const AVal *item)
{
	MemEst *E = X->E;
	/* a caller's container keeps its items: nothing new here */
	if (!c->fresh_items || !fn_local_object(X, from))
		return SY->zero;
	return ops_fresh_bytes(E, item);
}



static void getitem(FnCtx *X, Instr *in, Out *o)
{
	MemEst *E = X->E;
	const AVal *x = A(X, arg(in, 0));
	Instr *idx = arg(in, 1);
	const AVal *i = A(X, idx);
	if (x->kind == AK_BOT || i->kind == AK_BOT) {
		o->val = av_bot();
		return;
	}
	if (idx && idx->op == OP_SLICE) {
		/* a copy of at most stop - start items */
		const Sym *len = av_len(E, x);
		const AVal *lo = A(X, arg(idx, 0)), *hi = A(X, arg(idx, 1));
		int64_t a = 0, b;
		bool lo_ok = lo->kind == AK_NONE || (const_int(lo, &a) && a >= 0);
		if (lo_ok && const_int(hi, &b) && b >= a)
			len = num(E, (uint64_t)(b - a));
		if (x->kind == AK_STR) {
			/* at most the slice, and at most the string */
			o->val = av_str(E, sym_le(len, x->len) ? len : x->len, x->width);
			o->alloc = o->val->graph;
		} else if (x->kind == AK_LIST || x->kind == AK_TUPLE) {
			if (!sym_le(len, av_len(E, x)) && sym_le(av_len(E, x), len))
				len = av_len(E, x);
			const Sym *items = sym_mul(SY, len, av_item(E, x)->graph);
			const Sym *shape = x->kind == AK_LIST ? list_shape_exact(E, len)
			                   : sym_add(SY, num(E, 40), sym_scale(SY, len, 8));
			o->val = x->kind == AK_LIST
			         ? av_coll(E, AK_LIST, len, av_item(E, x), NULL, NULL, items, shape)
			         : av_seq_tuple(E, len, av_item(E, x), items);
			o->alloc = shape;
		} else {
			o->val = av_top(E, NULL);
			o->alloc = unk(E);
		}
		return;
	}
	int64_t k;
	switch (x->kind) {
	case AK_TUPLE:
		if (x->ntup && const_int(i, &k) && k >= -x->ntup && k < x->ntup)
			o->val = x->tup[k < 0 ? k + x->ntup : k];
		else
			o->val = av_item(E, x);
		o->alloc = taken_out(X, arg(in, 0), x, o->val);
		o->taken = true;
		return;
	case AK_LIST: case AK_ITER:
		o->val = av_item(E, x);
		o->alloc = taken_out(X, arg(in, 0), x, o->val);
		o->taken = true;
		return;
	case AK_DICT:
		o->val = x->val ? x->val : av_top(E, NULL);
		o->alloc = taken_out(X, arg(in, 0), x, o->val);
		o->taken = true;
		return;
	case AK_RANGE:
		o->val = av_item(E, x);
		o->alloc = num(E, int_alloc(o->val->lo, o->val->hi));
		return;
	case AK_STR:
		o->val = av_str(E, SY->one, x->width);
		o->alloc = ops_item_fresh(E, x, o->val);
		return;
	default:
		/* an existing object, or a small new one (a character, an int) */
		o->val = av_top(E, NULL);
		o->alloc = num(E, 80);
		return;
	}
}

static void iternext(FnCtx *X, Instr *in, Out *o)
{
	MemEst *E = X->E;
	const AVal *it = A(X, arg(in, 0));
	if (it->kind == AK_BOT) {
		o->val = av_bot();
		return;
	}
	const AVal *item = av_item(E, it);
	int l = fn_loop_of(X, in);
	/* in its loop, the item's length is the loop's item atom: sums over
	 * the loop then add up the real lengths */
	if (l >= 0 && X->I->loops[l].header == in->block && item->kind != AK_TOP) {
		uint64_t v;
		const Sym *len = av_len(E, item);
		if (!sym_is_num(len, &v) && !len->unknown &&
		    (item->kind == AK_STR || item->kind == AK_LIST || item->kind == AK_TUPLE ||
		     item->kind == AK_DICT || item->kind == AK_SET))
			item = av_with_len(E, item, sym_atom(SY, fn_item(X, l)));
		if (item->kind == AK_STR && (it->kind == AK_FILE ? it->name != NULL : item->src != NULL)) {
			AVal *line = (AVal *)av_with_len(E, item, item->len);
			line->src = it->kind == AK_FILE ? it->name : item->src;
			line->line = fn_item(X, l);
			item = line;
		}
	}
	o->val = item;
	o->alloc = ops_item_fresh(E, it, item);
	if (it->fresh == FR_NONE) {
		o->alloc = taken_out(X, arg(in, 0), it, item);
		o->taken = true;
	}
	if (it->kind == AK_FILE)
		o->extra = num(E, C_FILE_READ);
}

/* ---- formatting ---- */

/* A format spec, as format() and f-strings read it (3.11):
 * [[fill]align][sign][z][#][0][width][grouping][.precision][type] */
typedef struct FmtSpec {
	uint64_t width, prec;
	bool has_prec, sign, alt, group, plain;
	char type;              /* 0: none */
	uint64_t fillw;         /* the fill character's str width: 1, 2 or 4 */
} FmtSpec;

static bool parse_spec(const char *s, size_t n, FmtSpec *f)
{
	memset(f, 0, sizeof *f);
	f->fillw = 1;
	size_t i = 0;
	unsigned char c0 = n ? (unsigned char)s[0] : 0;
	/* the fill is any character: its UTF-8 length */
	size_t fl = c0 < 0x80 ? 1 : c0 >= 0xf0 ? 4 : c0 >= 0xe0 ? 3 : 2;
	if (n > fl && strchr("<>^=", s[fl]) && s[fl]) {
		f->fillw = fl == 1 ? 1 : fl == 4 ? 4 : 2;
		i = fl + 1;
	} else if (n && strchr("<>^=", s[0]) && s[0]) {
		i = 1;
	}
	if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' '))
		f->sign = s[i++] != '-';
	bool z = i < n && s[i] == 'z';
	if (z)
		i++;
	if (i < n && s[i] == '#') {
		f->alt = true;
		i++;
	}
	bool zero = i < n && s[i] == '0';
	while (i < n && s[i] >= '0' && s[i] <= '9') {
		f->width = f->width * 10 + (uint64_t)(s[i++] - '0');
		if (f->width > 1 << 20)
			return false;
	}
	if (i < n && (s[i] == ',' || s[i] == '_')) {
		f->group = true;
		i++;
	}
	if (i < n && s[i] == '.') {
		i++;
		if (i >= n || s[i] < '0' || s[i] > '9')
			return false; /* ValueError: missing precision */
		f->has_prec = true;
		while (i < n && s[i] >= '0' && s[i] <= '9') {
			f->prec = f->prec * 10 + (uint64_t)(s[i++] - '0');
			if (f->prec > 1 << 20)
				return false;
		}
	}
	if (i < n && s[i] && strchr("bcdeEfFgGnosxX%", s[i]))
		f->type = s[i++];
	/* only a width and an alignment: what any object's __format__ that
	 * goes through str() accepts */
	f->plain = !f->sign && !z && !f->alt && !zero && !f->group && !f->has_prec && !f->type;
	return i == n;
}

static uint64_t bitlen64(uint64_t v)
{
	uint64_t b = 1;
	while (v >>= 1)
		b++;
	return b;
}

/* The characters of a float (or an int formatted as one) under a spec of
 * type e, f, g, % or none with a precision. Fixed point needs the integer
 * part: at most the digits of the range's bound (a float within integer
 * bounds that are doubles rounds to at most them), 309 when unbounded
 * (1.8e308); a sign (or '-0.00', which a range reaching 0 allows); the
 * grouping's separators; 'inf' and 'nan' are shorter than any of these. */
static uint64_t float_chars(const AVal *v, const FmtSpec *f, bool *ok)
{
	int64_t m = ops_max_mag(v);
	uint64_t ip = m < AV_INF ? memest_decimal_digits((uint64_t)m) : 309;
	uint64_t sign = (f->sign || v->lo < 1) ? 1 : 0;
	uint64_t p = f->has_prec ? f->prec : 6;
	switch (f->type) {
	case 'f': case 'F':
		return sign + ip + (f->group ? (ip - 1) / 3 : 0) + 1 + p;
	case '%':
		ip += 2;
		return sign + ip + (f->group ? (ip - 1) / 3 : 0) + 1 + p + 1;
	case 'e': case 'E':
		/* d.ddde+308 */
		return sign + 1 + 1 + p + 5;
	case 'g': case 'G': case 'n': case 0: {
		if (!f->type && !f->has_prec) {
			/* repr: at most 24 characters ('-1.2345678901234567e-308'),
			 * 17 significant digits: grouping adds at most 5 separators */
			return 24 + (f->sign ? 1 : 0) + (f->group ? 8 : 0);
		}
		/* p significant digits (0 counts as 1): fixed point while the
		 * exponent is in -4..p ('0.000' and the digits, or the digits
		 * and a point), else d.ddde-308 */
		if (p == 0)
			p = 1;
		uint64_t c = p + 6;
		if (f->group || f->type == 'n')
			c += p; /* a separator per digit, whatever the locale */
		return sign + c;
	}
	default:
		*ok = false;
		return 0;
	}
}

/* format(v, spec) and an f-string's {v!conv:spec}: the str it makes (its
 * characters and width), or NULL when no bound is known. conv is 'r',
 * 's', 'a' or 0. */
const AVal *ops_format(MemEst *E, const AVal *v, const char *spec, size_t n, int conv)
{
	FmtSpec f;
	if (!spec)
		n = 0;
	if (!parse_spec(spec ? spec : "", n, &f))
		return NULL;
	const Sym *len, *w;
	bool ok = true;
	if (conv || v->kind == AK_STR || (n == 0 && v->kind != AK_FLOAT) ||
	    (f.plain && v->kind != AK_INT && v->kind != AK_FLOAT && v->kind != AK_BOOL)) {
		/* a str (or str() of anything: an empty spec, or only a width
		 * given to a value that formats as its str()): precision keeps
		 * at most that many characters, a width pads */
		if (v->kind != AK_STR && !conv && n != 0 && v->kind != AK_TOP)
			return NULL; /* lists and the like reject a spec */
		if (f.sign || f.alt || f.group || (f.type && f.type != 's'))
			return NULL; /* ValueError, or an int's spec on TOP */
		len = v->kind == AK_STR && conv != 'r' && conv != 'a'
		      ? v->len : av_str_len(E, v, conv == 'r' || conv == 'a', 0);
		w = v->kind == AK_STR ? v->width : text_width(E, v, 0);
		if (conv == 'a')
			w = SY->one;
		if (f.has_prec && !sym_le(len, num(E, f.prec)))
			len = num(E, f.prec);
	} else if (v->kind == AK_INT || v->kind == AK_BOOL) {
		int64_t m = ops_max_mag(v);
		/* an int the analysis cannot bound: below 2**90 (docs/memest.md) */
		uint64_t bits = m < AV_INF ? bitlen64((uint64_t)m) : 90;
		uint64_t d = m < AV_INF ? memest_decimal_digits((uint64_t)m) : 28;
		uint64_t sign = (f.sign || v->lo < 0) ? 1 : 0;
		uint64_t c = 0;
		switch (f.type) {
		case 0: case 'd':
			c = sign + d + (f.group ? (d - 1) / 3 : 0);
			break;
		case 'n':
			c = sign + 2 * d;
			break;
		case 'b': case 'o': case 'x': case 'X': {
			uint64_t per = f.type == 'b' ? 1 : f.type == 'o' ? 3 : 4;
			uint64_t dd = (bits + per - 1) / per;
			c = sign + (f.alt ? 2 : 0) + dd + (f.group ? (dd - 1) / 4 : 0);
			break;
		}
		case 'c':
			c = 1;
			break;
		default:
			/* as a float: exact below 2**53 */
			c = float_chars(m < ((int64_t)1 << 53) ? v : av_simple(E, AK_FLOAT), &f, &ok);
			break;
		}
		if (!ok)
			return NULL;
		len = num(E, c);
		/* digits are ASCII; chr() of an int may take 4 bytes */
		w = num(E, f.type == 'c' && (m >= 128 || m >= AV_INF) ? 4 : 1);
	} else if (v->kind == AK_FLOAT) {
		if (n == 0) {
			len = num(E, 24);
		} else {
			uint64_t c = float_chars(v, &f, &ok);
			if (!ok)
				return NULL;
			len = num(E, c);
		}
		w = SY->one;
	} else {
		return NULL;
	}
	if (f.width) {
		/* zero padding is grouped too, and may then take one more
		 * character than the width ('041,d' of -5: 42) */
		len = sym_max(SY, len, num(E, f.width + (f.group ? 1 : 0)));
		if (f.fillw > 1)
			w = sym_max(SY, w, num(E, f.fillw));
	}
	return av_str(E, len, w);
}

/* printf-style formatting, "fmt" % args: the characters of the format
 * outside its conversions, and each conversion at most its argument's
 * text under its flags, width and precision (as format() would make it:
 * ops_format's bounds), or NULL when no bound is known: a '*' width, a
 * mapping key, arguments that do not match. */
const AVal *ops_percent(MemEst *E, const char *s, size_t n, const AVal *y)
{
	int nargs = y->kind == AK_TUPLE ? y->ntup : 1;
	if (y->kind == AK_TUPLE && !y->ntup && !sym_le(av_len(E, y), SY->zero))
		return NULL; /* a tuple of unknown length */
	if (y->kind == AK_TOP || y->kind == AK_DICT)
		nargs = -1; /* one argument or several: only %s and %r are sure */
	int used = 0;
	uint64_t lit = 0;
	const Sym *len = SY->zero, *w = SY->one;
	for (size_t i = 0; i < n;) {
		if (s[i] != '%') {
			unsigned char c = (unsigned char)s[i++];
			if ((c & 0xc0) != 0x80)
				lit++;
			if (c >= 0xf0)
				w = sym_max(SY, w, num(E, 4));
			else if (c >= 0x80)
				w = sym_max(SY, w, num(E, 2));
			continue;
		}
		i++;
		if (i < n && s[i] == '%') {
			lit++;
			i++;
			continue;
		}
		/* [flags][width][.precision][length]type */
		FmtSpec f;
		memset(&f, 0, sizeof f);
		f.fillw = 1;
		while (i < n && strchr("-+ #0", s[i]) && s[i]) {
			if (s[i] == '+' || s[i] == ' ')
				f.sign = true;
			if (s[i] == '#')
				f.alt = true;
			i++;
		}
		while (i < n && s[i] >= '0' && s[i] <= '9') {
			f.width = f.width * 10 + (uint64_t)(s[i++] - '0');
			if (f.width > 1 << 20)
				return NULL;
		}
		if (i < n && s[i] == '.') {
			i++;
			f.has_prec = true;
			while (i < n && s[i] >= '0' && s[i] <= '9') {
				f.prec = f.prec * 10 + (uint64_t)(s[i++] - '0');
				if (f.prec > 1 << 20)
					return NULL;
			}
		}
		while (i < n && (s[i] == 'h' || s[i] == 'l' || s[i] == 'L'))
			i++;
		if (i >= n || !s[i] || !strchr("diouxXeEfFgGcrsa", s[i]))
			return NULL; /* '(', '*', or a ValueError */
		char t = s[i++];
		if (nargs >= 0 && used >= nargs)
			return NULL; /* TypeError: not enough arguments */
		const AVal *a = nargs < 0 ? y : y->kind == AK_TUPLE ? y->tup[used] : y;
		used++;
		const Sym *c;
		const Sym *cw = SY->one;
		if (t == 's' || t == 'r' || t == 'a') {
			/* str() is never longer than repr(): a TOP that may be a
			 * tuple of one is bounded by its repr */
			c = a->kind == AK_STR && t == 's' ? a->len
			    : av_str_len(E, a, t != 's' || nargs < 0, 0);
			cw = t == 'a' ? SY->one : text_width(E, a, 0);
			if (f.has_prec && !sym_le(c, num(E, f.prec)))
				c = num(E, f.prec);
		} else if (nargs < 0) {
			return NULL;
		} else if (t == 'c') {
			c = SY->one;
			cw = a->kind == AK_STR ? a->width : num(E, 4);
		} else if (a->kind == AK_INT || a->kind == AK_BOOL || a->kind == AK_FLOAT) {
			/* %d of a float is int() of it: within the same bounds */
			const AVal *v = a;
			f.type = t == 'i' || t == 'u' ? 'd' : t;
			uint64_t k = 0;
			int64_t m = ops_max_mag(v);
			if (strchr("doxX", f.type)) {
				/* an int beyond the analysis: below 2**90 (docs/memest.md);
				 * a float's int part: below 2**1024 */
				uint64_t big = a->kind == AK_FLOAT ? 1024 : 90;
				uint64_t bits = m < AV_INF ? bitlen64((uint64_t)m) : big;
				uint64_t per = f.type == 'd' ? 0 : f.type == 'o' ? 3 : 4;
				uint64_t d = per ? (bits + per - 1) / per
				             : m < AV_INF ? memest_decimal_digits((uint64_t)m) : big == 90 ? 28 : 309;
				if (f.has_prec && f.prec > d)
					d = f.prec; /* at least that many digits */
				k = (f.sign || v->lo < 0 ? 1 : 0) + (f.alt && per ? 2 : 0) + d;
			} else {
				bool ok = true;
				k = float_chars(m < ((int64_t)1 << 53) ? v : av_simple(E, AK_FLOAT), &f, &ok);
				if (!ok)
					return NULL;
			}
			c = num(E, k);
		} else {
			return NULL;
		}
		if (f.width)
			c = sym_max(SY, c, num(E, f.width));
		len = sym_add(SY, len, c);
		w = sym_max(SY, w, cw);
	}
	if (nargs >= 0 && used < nargs && y->kind == AK_TUPLE)
		return NULL; /* TypeError: not all arguments converted */
	return av_str(E, sym_add(SY, len, num(E, lit)), w);
}

/* Beside the str, formatting makes a unicode writer and digit buffers
 * (C_TEXT); a number under a spec is first written whole into a buffer
 * of its text (PyOS_double_to_string, the grouping's copy): 300 digits of
 * '.2f' take 300 bytes more. */
const Sym *ops_format_extra(MemEst *E, const AVal *v, size_t n, const AVal *r)
{
	bool number = v->kind == AK_INT || v->kind == AK_BOOL || v->kind == AK_FLOAT ||
	              v->kind == AK_TOP;
	return n && number ? sym_add(SY, num(E, C_TEXT), r->len) : num(E, C_TEXT);
}

static void format(FnCtx *X, Instr *in, Out *o)
{
	MemEst *E = X->E;
	const AVal *v = A(X, arg(in, 0));
	if (v->kind == AK_BOT) {
		o->val = av_bot();
		return;
	}
	Instr *spec = in->args.len > 1 ? arg(in, 1) : NULL;
	const char *s = NULL;
	size_t n = 0;
	int conv = in->imm.index;
	if (v->kind == AK_STR && (!spec || (is_const_str(spec, &s, &n) && n == 0)) && !conv) {
		o->val = v; /* f"{s}" is s */
		return;
	}
	const AVal *r = NULL;
	if (!spec || is_const_str(spec, &s, &n))
		r = ops_format(E, v, s, n, conv);
	o->val = r ? r : av_str(E, unk(E), num(E, 4));
	o->alloc = o->val->graph;
	o->extra = ops_format_extra(E, v, n, o->val);
}

/* ---- growth, storage, lifetimes ---- */

/* Whether v is (maybe) the same object as recv: `x += x`, x.extend(x)
 * grow by their own length, which no bound here follows. */
static bool same_object(FnCtx *X, Instr *v, Instr *recv)
{
	return v && recv && v->id > 0 && recv->id > 0 && v->id <= X->I->f->nvalues &&
	       recv->id <= X->I->f->nvalues && X->I->cls[v->id] == X->I->cls[recv->id];
}

bool ops_growth(FnCtx *X, Instr *in, Instr *recv, Growth *g)
{
	MemEst *E = X->E;
	recv = ir_resolve(recv);
	Instr *a0 = arg(in, 0);
	switch (in->op) {
	case OP_LIST_APPEND: case OP_SET_ADD:
		if (a0 != recv)
			return false;
		g->count = SY->one;
		g->item = A(X, arg(in, 1));
		return true;
	case OP_DICT_PUT:
		if (a0 != recv)
			return false;
		g->count = SY->one;
		g->item = A(X, arg(in, 1));
		g->value = A(X, arg(in, 2));
		return true;
	case OP_SETITEM: {
		if (a0 != recv)
			return false;
		const AVal *c = A(X, recv);
		Instr *idx = arg(in, 1);
		if (c->kind == AK_DICT || c->kind == AK_TOP) {
			g->count = SY->one;
			g->item = A(X, idx);
			g->value = A(X, arg(in, 2));
			if (c->kind == AK_TOP)
				g->unknown = true;
			return true;
		}
		if (c->kind == AK_LIST) {
			if (idx && idx->op == OP_SLICE) {
				/* l[a:b] = x may grow it by len(x) */
				g->count = av_len(E, ops_iterable(E, A(X, arg(in, 2))));
				g->item = av_item(E, ops_iterable(E, A(X, arg(in, 2))));
				return true;
			}
			g->replace = true;
			g->item = A(X, arg(in, 2));
			return true;
		}
		return false;
	}
	case OP_BINOP: {
		if (!in->inplace || a0 != recv)
			return false;
		const AVal *c = A(X, recv), *y = A(X, arg(in, 1));
		if (same_object(X, arg(in, 1), recv)) {
			g->unknown = true;
			g->count = SY->zero;
			return true;
		}
		if (c->kind == AK_LIST && (in->imm.binop == BINOP_ADD)) {
			const AVal *it = ops_iterable(E, y);
			g->count = av_len(E, it);
			g->item = av_item(E, it);
			return true;
		}
		if (c->kind == AK_LIST && in->imm.binop == BINOP_MUL) {
			g->unknown = y->kind != AK_INT || y->hi >= AV_INF;
			g->count = g->unknown ? SY->zero : sym_scale(SY, av_len(E, c), (uint64_t)(y->hi > 0 ? y->hi : 0));
			g->item = av_item(E, c);
			return true;
		}
		if ((c->kind == AK_SET || c->kind == AK_DICT) && in->imm.binop == BINOP_BITOR) {
			g->count = av_len(E, y);
			g->item = av_item(E, y);
			g->value = c->kind == AK_DICT ? y->val : NULL;
			return true;
		}
		return false;
	}
	case OP_CALL_METHOD: {
		if (a0 != recv)
			return false;
		const char *m = in->imm.name;
		const AVal *c = A(X, recv);
		if (c->kind != AK_LIST && c->kind != AK_SET && c->kind != AK_DICT && c->kind != AK_TOP)
			return false;
		int npos = in->args.len - in->nkw;
		if (strcmp(m, "append") == 0 || strcmp(m, "add") == 0) {
			g->count = SY->one;
			g->item = npos > 1 ? A(X, arg(in, 1)) : av_top(E, NULL);
		} else if (strcmp(m, "insert") == 0) {
			g->count = SY->one;
			g->item = npos > 2 ? A(X, arg(in, 2)) : av_top(E, NULL);
		} else if ((strcmp(m, "extend") == 0 || strcmp(m, "update") == 0) &&
		           same_object(X, npos > 1 ? arg(in, 1) : NULL, recv)) {
			g->unknown = true;
			g->count = SY->zero;
		} else if (strcmp(m, "extend") == 0 || (strcmp(m, "update") == 0 && c->kind != AK_DICT)) {
			const AVal *it = ops_iterable(E, npos > 1 ? A(X, arg(in, 1)) : av_top(E, NULL));
			g->count = av_len(E, it);
			g->item = av_item(E, it);
		} else if (strcmp(m, "update") == 0) {
			const AVal *y = npos > 1 ? A(X, arg(in, 1)) : av_top(E, NULL);
			g->count = av_len(E, y);
			g->item = av_item(E, y);
			g->value = y->val ? y->val : av_top(E, NULL);
		} else if (strcmp(m, "setdefault") == 0) {
			g->count = SY->one;
			g->item = npos > 1 ? A(X, arg(in, 1)) : av_top(E, NULL);
			g->value = npos > 2 ? A(X, arg(in, 2)) : av_simple(E, AK_NONE);
		} else {
			return false;
		}
		if (c->kind == AK_TOP)
			g->unknown = true;
		return true;
	}
	case OP_CALL: case OP_CALL_DIRECT: {
		/* a user function that mutates what its argument reaches */
		Instr *callee = in->op == OP_CALL ? a0 : NULL;
		const Function *f = in->op == OP_CALL_DIRECT ? in->imm.fn : summary_callee(E->T, callee);
		if (callee && callee->op == OP_BUILTIN)
			return false;
		const Summary *s = f ? summary_find(E->T, f) : NULL;
		const CallRes *cr = in->id > 0 ? X->calls[in->id] : NULL;
		int first = in->op == OP_CALL ? 1 : 0;
		for (int a = first; a < in->args.len; a++) {
			if (arg(in, a) != recv)
				continue;
			int p = a - first;
			bool may = cr ? cr->mutates_unknown || p >= 62 || (cr->mutates & (1ull << p))
			              : !s || s->mutates_unknown || (p < 62 && (s->mutates_params & (1ull << p)));
			if (may) {
				const AVal *c = A(X, recv);
				if (c->kind == AK_LIST || c->kind == AK_DICT || c->kind == AK_SET || c->kind == AK_TOP) {
					g->unknown = true;
					g->count = SY->zero;
					return true;
				}
			}
		}
		return false;
	}
	default:
		return false;
	}
}

Instr *ops_stored_into(FnCtx *X, Instr *in, int a, bool *escapes)
{
	MemEst *E = X->E;
	switch (in->op) {
	case OP_SETITEM: {
		/* an item assignment of a list replaces an item: the list holds
		 * one per slot, counted as its growth (fn_analyze), not one per
		 * assignment */
		const AVal *c = A(X, arg(in, 0));
		Instr *idx = arg(in, 1);
		if (c->kind == AK_LIST && !(idx && idx->op == OP_SLICE))
			return NULL;
		return a > 0 ? arg(in, 0) : NULL;
	}
	case OP_LIST_APPEND: case OP_SET_ADD: case OP_DICT_PUT:
		return a > 0 ? arg(in, 0) : NULL;
	case OP_BUILD_LIST: case OP_BUILD_TUPLE: case OP_BUILD_SET: case OP_BUILD_DICT:
		return in;
	case OP_STORE_GLOBAL: case OP_CELL_STORE: case OP_SETATTR:
		/* a module-level name published for functions lives on; in the
		 * module body it is the same variable */
		if (X->I->f->is_module && in->op == OP_STORE_GLOBAL)
			return NULL;
		*escapes = a > 0 || in->op == OP_STORE_GLOBAL;
		return NULL;
	case OP_MAKE_FUNCTION:
		return in;  /* defaults and cells live with the function */
	case OP_CALL_METHOD: {
		if (a == 0)
			return NULL;
		const char *m = in->imm.name;
		if (strcmp(m, "append") == 0 || strcmp(m, "add") == 0 || strcmp(m, "insert") == 0 ||
		    strcmp(m, "setdefault") == 0)
			return arg(in, 0);
		return NULL;
	}
	case OP_CALL: case OP_CALL_DIRECT: {
		/* a user function may keep an argument where its caller's
		 * objects or module names reach it */
		Instr *callee = in->op == OP_CALL ? arg(in, 0) : NULL;
		if (in->op == OP_CALL && a == 0)
			return NULL;
		if (callee && callee->op == OP_BUILTIN)
			return NULL;
		const Function *f = in->op == OP_CALL_DIRECT ? in->imm.fn : summary_callee(E->T, callee);
		const Summary *s = f ? summary_find(E->T, f) : NULL;
		if (f && f->is_genexp)
			return NULL;
		const CallRes *cr = in->id > 0 ? X->calls[in->id] : NULL;
		int p = a - (in->op == OP_CALL ? 1 : 0);
		if (cr) {
			*escapes = p >= 62 || (cr->escapes & (1ull << p));
			return NULL;
		}
		if (!s) {
			const AVal *cv = callee ? A(X, callee) : av_top(E, NULL);
			if (cv->kind == AK_FUNC && !cv->fn)
				return NULL; /* a builtin reached through a name */
			*escapes = true;
			return NULL;
		}
		if (s->mutates_unknown || s->mutates_globals.len || s->mutates_params)
			*escapes = true;
		return NULL;
	}
	default:
		return NULL;
	}
}

bool ops_keeps_alive(const Instr *user, int a)
{
	switch (user->op) {
	case OP_ITER: case OP_WITH_ENTER: case OP_UNPACK: case OP_PHI:
		return true;
	case OP_EXTRACT: case OP_GETITEM:
		/* an item of what a call made keeps its bytes (all of them,
		 * counted with the call) alive */
		return a == 0;
	case OP_CALL_METHOD:
		return a == 0 && (strcmp(user->imm.name, "items") == 0 ||
		                  strcmp(user->imm.name, "keys") == 0 ||
		                  strcmp(user->imm.name, "values") == 0);
	case OP_CALL: {
		const Instr *c = ir_resolve(user->args.items[0]);
		if (c->op == OP_MAKE_FUNCTION && c->imm.fn->is_genexp)
			return true;
		return c->op == OP_BUILTIN && (strcmp(c->imm.name, "enumerate") == 0 ||
		                               strcmp(c->imm.name, "zip") == 0 ||
		                               strcmp(c->imm.name, "reversed") == 0 ||
		                               strcmp(c->imm.name, "iter") == 0);
	}
	default:
		return false;
	}
}

/* ---- the instructions ---- */

void ops_transfer(FnCtx *X, Instr *in)
{
	MemEst *E = X->E;
	Out o = {NULL, SY->zero, NULL, false};
	switch (in->op) {
	case OP_CONST:
		o.val = const_val(E, &in->imm.constant);
		break;
	case OP_PARAM:
		o.val = in->imm.index >= 0 && in->imm.index < X->nargs && X->args[in->imm.index]
		        ? X->args[in->imm.index] : av_top(E, NULL);
		break;
	case OP_UNDEF:
		o.val = av_top(E, SY->zero);
		break;
	case OP_BINOP:
		binop(X, in, &o);
		break;
	case OP_UNARY: {
		const AVal *x = A(X, arg(in, 0));
		if (in->imm.unary == UNARY_NOT) {
			o.val = av_simple(E, AK_BOOL);
		} else if (x->kind == AK_INT || x->kind == AK_BOOL) {
			int64_t lo = x->hi >= AV_INF ? -AV_INF : -x->hi, hi = x->lo <= -AV_INF ? AV_INF : -x->lo;
			if (in->imm.unary == UNARY_POS)
				lo = x->lo, hi = x->hi;
			else if (in->imm.unary == UNARY_INVERT)
				lo = ops_sadd(lo, -1), hi = ops_sadd(hi, -1);
			o.val = av_int(E, lo, hi, NULL);
			o.alloc = num(E, int_alloc(lo, hi));
		} else if (x->kind == AK_FLOAT) {
			o.val = in->imm.unary == UNARY_NEG
			        ? av_float(E, x->hi >= AV_INF ? -AV_INF : -x->hi, x->lo <= -AV_INF ? AV_INF : -x->lo)
			        : x;
			o.alloc = num(E, 24);
		} else {
			o.val = x->kind == AK_BOT ? av_bot() : av_top(E, NULL);
			o.alloc = unk(E);
		}
		break;
	}
	case OP_COMPARE: case OP_EXC_MATCH:
		o.val = av_simple(E, AK_BOOL);
		break;
	case OP_BUILTIN:
		o.val = av_obj(E, AK_FUNC, in->imm.name, SY->zero);
		break;
	case OP_IMPORT:
		o.val = av_obj(E, AK_MODULE, in->imm.name, SY->zero);
		o.alloc = num(E, ops_import_bytes(in->imm.name));
		break;
	case OP_LOAD_GLOBAL: {
		const AVal *g = mem_global(E, in->imm.name);
		o.val = g ? g : av_top(E, NULL);
		break;
	}
	case OP_STORE_GLOBAL:
		mem_set_global(E, in->imm.name, A(X, arg(in, 0)));
		break;
	case OP_SLOT_LOAD: case OP_CELL_LOAD:
		/* what was stored under that name anywhere in this function */
		o.val = av_bot();
		for (int k = 0; k < X->I->nstores; k++) {
			Instr *s = X->I->stores[k];
			if (in->op == OP_SLOT_LOAD && s->op == OP_SLOT_STORE &&
			    strcmp(s->imm.name, in->imm.name) == 0)
				o.val = av_join(E, o.val, A(X, arg(s, 0)));
			if (in->op == OP_CELL_LOAD && s->op == OP_CELL_STORE && arg(s, 0) == arg(in, 0))
				o.val = av_join(E, o.val, A(X, arg(s, 1)));
		}
		if (o.val->kind == AK_BOT || in->op == OP_CELL_LOAD)
			o.val = o.val->kind == AK_BOT ? av_top(E, NULL) : o.val;
		break;
	case OP_CELL_NEW:
		o.val = av_obj(E, AK_OBJ, "cell", num(E, C_CELL));
		o.alloc = num(E, C_CELL);
		break;
	case OP_MAKE_FUNCTION: {
		AVal *f = (AVal *)av_obj(E, AK_FUNC, NULL, num(E, C_FUNC));
		f->fn = in->imm.fn;
		f->mkfn = in;
		o.val = f;
		int ncells = in->imm.fn ? in->imm.fn->freevars.len : 0;
		int ndef = in->args.len - ncells;
		uint64_t bytes = C_FUNC;
		if (ndef > 0)
			bytes += pysize_tuple((uint64_t)ndef);
		if (ncells > 0)
			bytes += pysize_tuple((uint64_t)ncells);
		if (in->imm.fn && in->imm.fn->is_genexp)
			bytes = C_FUNC; /* freed once the generator runs: counted there */
		o.alloc = num(E, bytes);
		break;
	}
	case OP_CALL: case OP_CALL_DIRECT:
		ops_call(X, in, &o);
		break;
	case OP_CALL_METHOD:
		ops_call_method(X, in, &o);
		break;
	case OP_GETATTR: {
		const AVal *x = A(X, arg(in, 0));
		const char *a = in->imm.name;
		if (x->kind == AK_MODULE && x->name) {
			if (strcmp(x->name, "math") == 0 && (strcmp(a, "pi") == 0 || strcmp(a, "e") == 0 ||
			                                     strcmp(a, "tau") == 0 || strcmp(a, "inf") == 0 ||
			                                     strcmp(a, "nan") == 0)) {
				o.val = av_simple(E, AK_FLOAT);
			} else if (strcmp(x->name, "sys") == 0 && strcmp(a, "argv") == 0) {
				o.val = av_coll(E, AK_LIST, unk(E), av_str(E, unk(E), num(E, 4)), NULL, NULL,
				                NULL, unk(E));
			} else if (strcmp(x->name, "sys") == 0 && (strcmp(a, "stdout") == 0 ||
			                                           strcmp(a, "stderr") == 0)) {
				AVal *f = (AVal *)av_obj(E, AK_FILE, NULL, num(E, C_FILE));
				f->mode = 'w';
				f->len = SY->zero;
				o.val = f;
			} else if (strcmp(x->name, "sys") == 0 && strcmp(a, "stdin") == 0) {
				AVal *f = (AVal *)av_obj(E, AK_FILE, NULL, num(E, C_FILE));
				f->mode = 'r';
				f->fresh = FR_ITEM;
				f->elem = av_str(E, unk(E), num(E, 4));
				o.val = f;
			} else if (strcmp(x->name, "sys") == 0 && strcmp(a, "maxsize") == 0) {
				o.val = av_int(E, INT64_MAX - 1, INT64_MAX - 1, NULL);
			} else if (strcmp(x->name, "os") == 0 && strcmp(a, "path") == 0) {
				o.val = av_obj(E, AK_MODULE, "os.path", SY->zero);
			} else {
				/* a function of the module, called later */
				size_t n = strlen(x->name) + strlen(a) + 2;
				char *nm = arena_alloc(&E->arena, n);
				snprintf(nm, n, "%s.%s", x->name, a);
				o.val = av_obj(E, AK_FUNC, nm, SY->zero);
			}
		} else {
			o.val = x->kind == AK_BOT ? av_bot() : av_top(E, NULL);
			o.alloc = x->kind == AK_BOT ? SY->zero : num(E, C_BOUND);
		}
		break;
	}
	case OP_GETITEM:
		getitem(X, in, &o);
		break;
	case OP_SLICE:
		o.val = av_obj(E, AK_OBJ, "slice", num(E, C_SLICE));
		o.alloc = num(E, C_SLICE);
		break;
	case OP_BUILD_LIST: case OP_BUILD_SET: {
		int n = in->args.len;
		bool consts = n >= 3;
		const AVal *el = av_bot();
		const Sym *items = SY->zero, *lens = SY->zero;
		for (int i = 0; i < n; i++) {
			const AVal *a = A(X, arg(in, i));
			el = av_join(E, el, a);
			items = sym_add(SY, items, a->graph);
			lens = sym_add(SY, lens, av_len(E, a));
			consts &= arg(in, i)->op == OP_CONST;
		}
		if (el->kind == AK_BOT && n > 0) {
			o.val = av_bot();
			break;
		}
		const Sym *len = num(E, (uint64_t)n);
		const Sym *shape;
		if (in->op == OP_BUILD_SET)
			shape = set_shape(E, len);
		else if (consts || n > 30)
			shape = n > 30 && !consts ? list_shape_appended(E, len) : list_shape_sized(E, len);
		else
			shape = list_shape_exact(E, len);
		o.val = av_coll(E, in->op == OP_BUILD_SET ? AK_SET : AK_LIST, len, el, NULL, lens,
		                items, shape);
		if (n == 0)
			((AVal *)o.val)->appended = true;
		o.alloc = shape;
		break;
	}
	case OP_BUILD_TUPLE: {
		int n = in->args.len;
		const AVal **items = arena_alloc(&E->arena, (size_t)(n ? n : 1) * sizeof *items);
		bool consts = true;
		for (int i = 0; i < n; i++) {
			items[i] = A(X, arg(in, i));
			if (items[i]->kind == AK_BOT) {
				o.val = av_bot();
				break;
			}
			consts &= arg(in, i)->op == OP_CONST;
		}
		if (o.val)
			break;
		o.val = av_tuple(E, n, items);
		/* a tuple of constants is itself a constant of the code object */
		o.alloc = consts ? SY->zero : num(E, pysize_tuple((uint64_t)n));
		break;
	}
	case OP_BUILD_DICT: {
		int n = in->args.len / 2;
		const AVal *k = av_bot(), *v = av_bot();
		bool strkeys = true;
		const Sym *items = SY->zero;
		for (int i = 0; i < n; i++) {
			const AVal *ka = A(X, arg(in, 2 * i)), *va = A(X, arg(in, 2 * i + 1));
			k = av_join(E, k, ka);
			v = av_join(E, v, va);
			strkeys &= ka->kind == AK_STR;
			items = sym_add3(SY, items, ka->graph, va->graph);
		}
		const Sym *len = num(E, (uint64_t)n);
		const Sym *shape = dict_shape(E, len, strkeys);
		o.val = av_coll(E, AK_DICT, len, k, v, NULL, items, shape);
		((AVal *)o.val)->strkeys = strkeys;
		o.alloc = shape;
		break;
	}
	case OP_UNPACK:
		o.val = A(X, arg(in, 0));
		break;
	case OP_EXTRACT: {
		const AVal *u = A(X, arg(in, 0));
		int i = in->imm.index;
		if (u->kind == AK_TUPLE && u->ntup && i >= 0 && i < u->ntup)
			o.val = u->tup[i];
		else if (u->kind == AK_BOT)
			o.val = u;
		else
			o.val = av_item(E, ops_iterable(E, u));
		if (u->kind != AK_BOT) {
			o.alloc = taken_out(X, arg(in, 0), u, o.val);
			o.taken = true;
		}
		break;
	}
	case OP_ITER: {
		const AVal *x = A(X, arg(in, 0));
		if (x->kind == AK_BOT) {
			o.val = x;
			break;
		}
		if (x->kind == AK_FILE || x->kind == AK_ITER) {
			o.val = x;  /* iter(f) is f, iter(it) is it */
			break;
		}
		const AVal *it = ops_iterable(E, x);
		if (it->kind == AK_RANGE) {
			o.val = it;
			o.alloc = num(E, C_ITER);
			break;
		}
		o.val = av_iter(E, AK_ITER, av_len(E, it), av_item(E, it), av_sum_len(E, it), it->fresh);
		((AVal *)o.val)->fresh_items = x->fresh_items;
		o.alloc = num(E, C_ITER);
		break;
	}
	case OP_ITERNEXT:
		iternext(X, in, &o);
		break;
	case OP_FORMAT:
		format(X, in, &o);
		break;
	case OP_JOIN_STR: {
		const Sym *len = SY->zero, *w = SY->one;
		for (int i = 0; i < in->args.len; i++) {
			const AVal *p = A(X, arg(in, i));
			if (p->kind == AK_BOT) {
				o.val = p;
				break;
			}
			len = sym_add(SY, len, p->kind == AK_STR ? p->len : unk(E));
			w = sym_max(SY, w, p->kind == AK_STR ? p->width : num(E, 4));
		}
		if (o.val)
			break;
		o.val = av_str(E, len, w);
		o.alloc = o.val->graph;
		break;
	}
	case OP_WITH_ENTER: {
		const AVal *m = A(X, arg(in, 0));
		o.val = m->kind == AK_FILE || m->kind == AK_BOT ? m : av_top(E, NULL);
		break;
	}
	case OP_CUR_EXC:
		o.val = av_obj(E, AK_OBJ, "exception", num(E, C_EXC));
		o.alloc = num(E, C_EXC);
		break;
	case OP_RET: case OP_YIELD:
		if (in->args.len)
			X->ret = av_join(E, X->ret, A(X, arg(in, 0)));
		break;
	default:
		break;
	}
	if (in->id > 0) {
		X->val[in->id] = o.val ? o.val : av_top(E, NULL);
		X->alloc[in->id] = o.alloc ? o.alloc : SY->zero;
		X->extra[in->id] = o.extra;
		X->taken[in->id] = o.taken;
	}
}
