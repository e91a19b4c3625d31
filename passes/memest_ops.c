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
	case K_FLOAT: return av_simple(E, AK_FLOAT);
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
		o->val = av_simple(E, AK_FLOAT);
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
		/* "%d,%s" % args: each conversion at most its argument's text; a
		 * float under %f is bounded by its exponent: 330 characters */
		const Sym *add = SY->zero;
		if (y->kind == AK_TUPLE && y->ntup) {
			for (int i = 0; i < y->ntup; i++)
				add = sym_add(SY, add, y->tup[i]->kind == AK_FLOAT ? num(E, 330)
				                       : av_str_len(E, y->tup[i], true, 0));
		} else {
			add = y->kind == AK_FLOAT ? num(E, 330) : av_str_len(E, y, true, 0);
		}
		o->val = av_str(E, sym_add(SY, x->len, add), sym_num(SY, 4));
		o->alloc = o->val->graph;
		o->extra = num(E, C_TEXT + 64 * (uint64_t)(y->ntup ? y->ntup : 1));
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
	uint64_t width = 0, prec = 0;
	bool fixed = false, known = true;
	if (spec && is_const_str(spec, &s, &n)) {
		/* [[fill]align][sign][#][0][width][,][.precision][type] */
		size_t i = 0;
		if (n >= 2 && (s[1] == '<' || s[1] == '>' || s[1] == '^' || s[1] == '='))
			i = 2;
		else if (n >= 1 && (s[0] == '<' || s[0] == '>' || s[0] == '^' || s[0] == '='))
			i = 1;
		while (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' ' || s[i] == '#' || s[i] == '0'))
			i++;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			width = width * 10 + (uint64_t)(s[i++] - '0');
		if (i < n && (s[i] == ',' || s[i] == '_'))
			i++;
		if (i < n && s[i] == '.') {
			i++;
			while (i < n && s[i] >= '0' && s[i] <= '9')
				prec = prec * 10 + (uint64_t)(s[i++] - '0');
		}
		if (i < n)
			fixed = s[i] == 'f' || s[i] == 'F' || s[i] == '%';
		if (width > 1 << 20 || prec > 1 << 20)
			known = false;
	} else if (spec) {
		known = false;
	}
	if (v->kind == AK_STR && !spec && in->imm.index == 0) {
		o->val = v; /* f"{s}" is s */
		return;
	}
	const Sym *len;
	if (!known)
		len = unk(E);
	else if (v->kind == AK_FLOAT && fixed)
		len = num(E, 310 + prec + 3);           /* 1e308 in fixed point */
	else if (v->kind == AK_FLOAT && spec)
		len = num(E, 24 + prec + 8);
	else if (v->kind == AK_INT && spec)
		len = sym_add(SY, av_str_len(E, v, false, 0), num(E, (fixed ? prec + 2 : 0) + 8));
	else
		len = av_str_len(E, v, in->imm.index == 'r' || in->imm.index == 'a', 0);
	if (width)
		len = sym_max(SY, len, num(E, width));
	const Sym *w = v->kind == AK_STR ? v->width : num(E, v->kind == AK_INT || v->kind == AK_FLOAT ? 1 : 4);
	o->val = av_str(E, len, w);
	o->alloc = o->val->graph;
	o->extra = num(E, C_TEXT);
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
			o.val = x;
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
