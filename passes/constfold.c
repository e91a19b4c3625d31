/* constfold.c: constant folding.
 *
 * Computes at compile time the binary, unary and comparison operations
 * whose operands are constants, and turns a conditional branch on a
 * constant into a plain branch. A folded instruction is replaced by a new
 * constant placed just before it, carrying its location, statement and
 * variable name, so the dependence graph and the emitter see the same
 * statement as before.
 *
 * Why it is safe for Python: a result is folded only when it is exactly
 * what CPython 3.11 computes and the operation cannot raise. Anything that
 * would raise at run time (1 / 0, None + 1, 'a' - 1, a negative shift
 * count) stays in the program so the exception still happens there, with
 * its traceback, after the output that precedes it. In detail:
 * - ints are folded only within int64 and when the result provably does
 *   not overflow it (CPython would go on with a bigger int, which we do
 *   not represent);
 * - bool is an int (True + True == 2), but &, | and ^ of two bools give a
 *   bool, as in CPython; ~ of a bool is left alone (deprecated in 3.12);
 * - / is true division: always a float, correctly rounded, which C's
 *   division of doubles is when both ints convert exactly (|i| <= 2**53);
 * - // and % floor (the remainder takes the sign of the divisor), on ints
 *   and, with CPython's own algorithm, on floats;
 * - ** only with a non-negative int exponent (a negative one gives a
 *   float, computed by C's pow in CPython: not worth matching);
 * - float + - * / are single IEEE operations, as in CPython; results that
 *   are not finite are left alone so no constant has to spell inf or nan;
 * - an int meets a float exactly only when it converts exactly, so mixed
 *   operations and comparisons need |i| <= 2**53;
 * - strings compare by code point, which for valid UTF-8 is the order of
 *   their bytes, and + concatenates them;
 * - x += y folds as x + y: ints, floats and strings have no in-place
 *   operators, so CPython falls back to the plain one. */
#include "passes/passes.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>

/* Integers up to this size convert to double exactly. */
#define EXACT_INT_MAX (INT64_C(1) << 53)

/* The constant operand a of i, or NULL if it is not a constant. */
static const Constant *operand(Instr *i, int a)
{
	if (a >= i->args.len)
		return NULL;
	Instr *v = ir_resolve(i->args.items[a]);
	return v->op == OP_CONST && !v->dead ? &v->imm.constant : NULL;
}

static bool is_bool(const Constant *c)
{
	return c->kind == K_TRUE || c->kind == K_FALSE;
}

/* The value of an int (or bool) that fits int64. */
static bool as_int(const Constant *c, int64_t *v)
{
	switch (c->kind) {
	case K_TRUE: *v = 1; return true;
	case K_FALSE: *v = 0; return true;
	case K_INT: *v = c->i; return c->fits;
	default: return false;
	}
}

/* The value of a float, or of an int that converts to one exactly. */
static bool as_float(const Constant *c, double *v)
{
	int64_t i;
	if (c->kind == K_FLOAT) {
		*v = c->f;
		return true;
	}
	if (!as_int(c, &i) || i > EXACT_INT_MAX || i < -EXACT_INT_MAX)
		return false;
	*v = (double)i;
	return true;
}

/* Python's truthiness of a constant; false if it cannot tell. */
static bool truth(const Constant *c, bool *t)
{
	switch (c->kind) {
	case K_NONE: case K_FALSE: *t = false; return true;
	case K_TRUE: *t = true; return true;
	case K_INT:
		if (c->fits)
			*t = c->i != 0;
		else if (c->digits)
			*t = c->digits[strspn(c->digits, "0")] != 0;
		return c->fits || c->digits;
	case K_FLOAT: *t = c->f != 0.0; return true;  /* nan is true */
	case K_STR: *t = c->s.len != 0; return true;
	}
	return false;
}

static Constant int_const(Arena *a, int64_t v)
{
	/* The magnitude of INT64_MIN does not fit int64. */
	uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	char buf[24];
	snprintf(buf, sizeof buf, "%" PRIu64, mag);
	return (Constant){.kind = K_INT, .i = v, .digits = arena_strdup(a, buf),
	                  .negative = v < 0, .fits = true};
}

static Constant float_const(Arena *a, double v)
{
	char buf[32];
	float_repr(v, buf);
	return (Constant){.kind = K_FLOAT, .f = v, .text = arena_strdup(a, buf)};
}

static Constant bool_const(bool v)
{
	return (Constant){.kind = v ? K_TRUE : K_FALSE};
}

/* x ** y for y >= 0 by squaring; false on overflow. Squaring the base is
 * only done while bits of y are left, and then the result will hold that
 * square, so an overflow there is an overflow of the result. */
static bool int_pow(int64_t x, int64_t y, int64_t *r)
{
	int64_t acc = 1;
	while (y > 0) {
		if ((y & 1) && __builtin_mul_overflow(acc, x, &acc))
			return false;
		y >>= 1;
		if (y > 0 && __builtin_mul_overflow(x, x, &x))
			return false;
	}
	*r = acc;
	return true;
}

/* An int operation as CPython computes it; false when it would raise or
 * its result would not fit int64. True division is not here: its result
 * is a float. */
static bool int_binop(BinOpKind op, int64_t x, int64_t y, int64_t *r)
{
	switch (op) {
	case BINOP_ADD: return !__builtin_add_overflow(x, y, r);
	case BINOP_SUB: return !__builtin_sub_overflow(x, y, r);
	case BINOP_MUL: return !__builtin_mul_overflow(x, y, r);
	case BINOP_FLOORDIV:
		if (y == 0 || (x == INT64_MIN && y == -1))
			return false;
		/* C truncates toward zero; Python floors. */
		*r = x / y - (x % y != 0 && (x < 0) != (y < 0));
		return true;
	case BINOP_MOD:
		if (y == 0)
			return false;
		if (y == -1) {  /* INT64_MIN % -1 is undefined in C */
			*r = 0;
			return true;
		}
		/* The remainder takes the sign of the divisor. */
		*r = x % y;
		if (*r != 0 && (*r < 0) != (y < 0))
			*r += y;
		return true;
	case BINOP_POW:
		return y >= 0 && int_pow(x, y, r);
	case BINOP_LSHIFT:
		if (y < 0)
			return false;       /* ValueError: negative shift count */
		if (x == 0) {
			*r = 0;
			return true;
		}
		return y < 63 && !__builtin_mul_overflow(x, INT64_C(1) << y, r);
	case BINOP_RSHIFT:
		if (y < 0)
			return false;
		if (y > 63)
			y = 63;
		/* Python shifts negative numbers toward minus infinity; written
		 * with ~ so C's implementation-defined >> of a negative is never
		 * needed. */
		*r = x < 0 ? ~(~x >> y) : x >> y;
		return true;
	case BINOP_BITAND: *r = x & y; return true;
	case BINOP_BITOR: *r = x | y; return true;
	case BINOP_BITXOR: *r = x ^ y; return true;
	default: return false;
	}
}

/* CPython's float floor division and modulo (Objects/floatobject.c,
 * _float_div_mod and float_rem), for a nonzero y. */
static double float_mod(double x, double y)
{
	double mod = fmod(x, y);
	if (mod) {
		if ((y < 0) != (mod < 0))
			mod += y;
	} else {
		mod = copysign(0.0, y);
	}
	return mod;
}

static double float_floordiv(double x, double y)
{
	double mod = fmod(x, y);
	double div = (x - mod) / y;
	if (mod && (y < 0) != (mod < 0))
		div -= 1.0;
	if (!div)
		return copysign(0.0, x / y);
	double floordiv = floor(div);
	if (div - floordiv > 0.5)
		floordiv += 1.0;
	return floordiv;
}

static bool float_binop(BinOpKind op, double x, double y, double *r)
{
	switch (op) {
	case BINOP_ADD: *r = x + y; break;
	case BINOP_SUB: *r = x - y; break;
	case BINOP_MUL: *r = x * y; break;
	case BINOP_DIV:
		if (y == 0)
			return false;   /* ZeroDivisionError, also for 0.0 */
		*r = x / y;
		break;
	case BINOP_FLOORDIV:
		if (y == 0)
			return false;
		*r = float_floordiv(x, y);
		break;
	case BINOP_MOD:
		if (y == 0)
			return false;
		*r = float_mod(x, y);
		break;
	default:
		return false;
	}
	return isfinite(*r);
}

static bool fold_binop(Arena *a, BinOpKind op, const Constant *l, const Constant *r,
                       Constant *out)
{
	if (l->kind == K_STR && r->kind == K_STR) {
		if (op != BINOP_ADD)
			return false;
		char *s = arena_alloc(a, l->s.len + r->s.len + 1);
		memcpy(s, l->s.s, l->s.len);
		memcpy(s + l->s.len, r->s.s, r->s.len);
		*out = (Constant){.kind = K_STR, .s = {s, l->s.len + r->s.len}};
		return true;
	}
	int64_t x, y, ir;
	if (op != BINOP_DIV && as_int(l, &x) && as_int(r, &y)) {
		if (!int_binop(op, x, y, &ir))
			return false;
		bool bitwise = op == BINOP_BITAND || op == BINOP_BITOR || op == BINOP_BITXOR;
		*out = bitwise && is_bool(l) && is_bool(r) ? bool_const(ir != 0) : int_const(a, ir);
		return true;
	}
	double fx, fy, fr;
	if (op == BINOP_POW || !as_float(l, &fx) || !as_float(r, &fy) || !float_binop(op, fx, fy, &fr))
		return false;
	*out = float_const(a, fr);
	return true;
}

static bool fold_unary(Arena *a, UnaryOpKind op, const Constant *c, Constant *out)
{
	int64_t x;
	bool t;
	switch (op) {
	case UNARY_NOT:
		if (!truth(c, &t))
			return false;
		*out = bool_const(!t);
		return true;
	case UNARY_NEG:
		if (c->kind == K_FLOAT) {
			if (!isfinite(c->f))
				return false;
			*out = float_const(a, -c->f);
			return true;
		}
		if (!as_int(c, &x) || x == INT64_MIN)
			return false;
		*out = int_const(a, -x);
		return true;
	case UNARY_POS:
		if (c->kind == K_FLOAT) {
			if (!isfinite(c->f))
				return false;
			*out = float_const(a, c->f);
			return true;
		}
		if (!as_int(c, &x))
			return false;
		*out = int_const(a, x);
		return true;
	case UNARY_INVERT:
		if (c->kind != K_INT || !as_int(c, &x))
			return false;
		*out = int_const(a, ~x);
		return true;
	}
	return false;
}

/* -1, 0 or 1 as memcmp, on the bytes and then the lengths. */
static int str_compare(Str a, Str b)
{
	int c = memcmp(a.s, b.s, a.len < b.len ? a.len : b.len);
	if (c)
		return c < 0 ? -1 : 1;
	return a.len < b.len ? -1 : a.len > b.len;
}

static bool fold_compare(CmpOpKind op, const Constant *l, const Constant *r, Constant *out)
{
	/* Ordering as -1, 0, 1; unordered (nan) as 2, which only != holds. */
	int ord;
	int64_t x, y;
	double fx, fy;
	if (op != CMP_EQ && op != CMP_NE && op != CMP_LT && op != CMP_LE && op != CMP_GT &&
	    op != CMP_GE)
		return false;
	if (l->kind == K_STR && r->kind == K_STR)
		ord = str_compare(l->s, r->s);
	else if (as_int(l, &x) && as_int(r, &y))
		ord = (x > y) - (x < y);
	else if (as_float(l, &fx) && as_float(r, &fy))
		ord = fx < fy ? -1 : fx > fy ? 1 : fx == fy ? 0 : 2;
	else
		return false;
	bool v;
	switch (op) {
	case CMP_EQ: v = ord == 0; break;
	case CMP_NE: v = ord != 0; break;
	case CMP_LT: v = ord == -1; break;
	case CMP_LE: v = ord == -1 || ord == 0; break;
	case CMP_GT: v = ord == 1; break;
	default: v = ord == 1 || ord == 0; break;
	}
	*out = bool_const(v);
	return true;
}

/* What i computes if its operands are constants that fold. */
static bool fold(Arena *a, Instr *i, Constant *out)
{
	const Constant *l = operand(i, 0), *r = operand(i, 1);
	switch (i->op) {
	case OP_BINOP: return i->args.len == 2 && l && r && fold_binop(a, i->imm.binop, l, r, out);
	case OP_UNARY: return i->args.len == 1 && l && fold_unary(a, i->imm.unary, l, out);
	case OP_COMPARE: return i->args.len == 2 && l && r && fold_compare(i->imm.cmp, l, r, out);
	default: return false;
	}
}

static const TypeKind const_types[] = {
	[K_NONE] = TY_NONE, [K_TRUE] = TY_BOOL, [K_FALSE] = TY_BOOL,
	[K_INT] = TY_INT, [K_FLOAT] = TY_FLOAT, [K_STR] = TY_STR,
};

/* Puts a constant holding c before b->instrs[k] and makes it stand for
 * that instruction. */
static void replace_with_const(Function *f, Block *b, int k, const Constant *c)
{
	Instr *old = b->instrs.items[k];
	Instr *n = ir_instr_new(f, OP_CONST, type_basic(&f->module->types, const_types[c->kind]));
	n->imm.constant = *c;
	n->loc = old->loc;
	n->stmt = old->stmt;
	n->name = old->name;
	n->block = b;
	instrvec_push(f->module->arena, &b->instrs, NULL);
	memmove(b->instrs.items + k + 1, b->instrs.items + k,
	        (size_t)(b->instrs.len - 1 - k) * sizeof *b->instrs.items);
	b->instrs.items[k] = n;
	old->replaced = n;
	old->dead = true;
}

/* condbr on a constant becomes br to the successor it always takes; the
 * other loses this block as a predecessor (and its phis the argument for
 * it). */
static bool fold_branch(Block *b, Instr *t)
{
	const Constant *c = operand(t, 0);
	bool taken;
	if (!c || !truth(c, &taken))
		return false;
	Block *keep = t->succ[taken ? 0 : 1], *drop = t->succ[taken ? 1 : 0];
	int k = cfg_pred_index(drop, b);
	if (k < 0)
		die("constfold: bb%d branches to bb%d but is not its predecessor", b->id, drop->id);
	cfg_remove_pred(drop, k);
	t->op = OP_BR;
	t->args.len = 0;
	t->succ[0] = keep;
	t->succ[1] = NULL;
	return true;
}

bool pass_constfold(Function *f)
{
	Arena *a = f->module->arena;
	bool changed = false, again = true;
	/* Blocks need not be in dominance order, so a fold can enable one in
	 * a block already visited: go round until nothing folds. */
	while (again) {
		again = false;
		for (int bi = 0; bi < f->blocks.len; bi++) {
			Block *b = f->blocks.items[bi];
			for (int k = 0; k < b->instrs.len; k++) {
				Instr *i = b->instrs.items[k];
				Constant c;
				if (i->dead)
					continue;
				if (fold(a, i, &c)) {
					replace_with_const(f, b, k, &c);
					k++;    /* past the folded instruction */
					again = changed = true;
				} else if (i->op == OP_CONDBR && fold_branch(b, i)) {
					changed = true;
				}
			}
		}
	}
	if (changed)
		ir_compact(f);
	return changed;
}
