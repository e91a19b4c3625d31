/* passes_unit_test.c: the passes on functions built by hand.
 *
 * Each test builds a small function with the IR's own constructors, runs
 * passes on it and checks the result: constfold against what CPython 3.11
 * computes (the expected values come from python3), dce, copyprop and
 * simplifycfg against the shapes they must leave, and the options of the
 * pass registry. It needs neither the lowering nor the printer, so it
 * runs before they exist and pins the passes down on their own. */
#include "passes/passes.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int passed, failed;

#define CHECK(cond) check((cond), #cond, __LINE__)

static bool check(bool ok, const char *what, int line)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		fprintf(stderr, "passes_unit_test.c:%d: FAILED: %s\n", line, what);
	}
	return ok;
}

static Arena arena;
static IRModule *mod;

/* ---- building functions ---- */

static const Type *ty(TypeKind k)
{
	return type_basic(&mod->types, k);
}

static Function *new_function(const char *name)
{
	Function *f = ir_function_new(mod, name, NULL);
	ir_block_new(f, "entry");
	return f;
}

static Instr *emit(Block *b, Op op, const Type *t)
{
	Instr *i = ir_instr_new(b->fn, op, t);
	ir_append(b, i);
	return i;
}

static Instr *emit1(Block *b, Op op, Instr *a)
{
	Instr *i = emit(b, op, NULL);
	ir_add_arg(b->fn, i, a);
	return i;
}

static Instr *emit2(Block *b, Op op, Instr *x, Instr *y)
{
	Instr *i = emit1(b, op, x);
	ir_add_arg(b->fn, i, y);
	return i;
}

static Instr *c_int(Block *b, int64_t v)
{
	Instr *i = emit(b, OP_CONST, ty(TY_INT));
	char buf[24];
	snprintf(buf, sizeof buf, "%" PRIu64, v < 0 ? 0 - (uint64_t)v : (uint64_t)v);
	i->imm.constant = (Constant){.kind = K_INT, .i = v, .fits = true, .negative = v < 0,
	                             .digits = arena_strdup(&arena, buf)};
	return i;
}

static Instr *c_big(Block *b, const char *digits)
{
	Instr *i = emit(b, OP_CONST, ty(TY_INT));
	i->imm.constant = (Constant){.kind = K_INT, .digits = digits};
	return i;
}

static Instr *c_float(Block *b, double v)
{
	Instr *i = emit(b, OP_CONST, ty(TY_FLOAT));
	i->imm.constant = (Constant){.kind = K_FLOAT, .f = v, .text = "<as written>"};
	return i;
}

static Instr *c_str(Block *b, const char *s)
{
	Instr *i = emit(b, OP_CONST, ty(TY_STR));
	i->imm.constant = (Constant){.kind = K_STR, .s = {s, strlen(s)}};
	return i;
}

static Instr *c_kind(Block *b, ConstKind k)
{
	Instr *i = emit(b, OP_CONST, ty(k == K_NONE ? TY_NONE : TY_BOOL));
	i->imm.constant = (Constant){.kind = k};
	return i;
}

static Instr *binop(Block *b, BinOpKind op, Instr *x, Instr *y)
{
	Instr *i = emit2(b, OP_BINOP, x, y);
	i->imm.binop = op;
	return i;
}

static Instr *unary(Block *b, UnaryOpKind op, Instr *x)
{
	Instr *i = emit1(b, OP_UNARY, x);
	i->imm.unary = op;
	return i;
}

static Instr *compare(Block *b, CmpOpKind op, Instr *x, Instr *y)
{
	Instr *i = emit2(b, OP_COMPARE, x, y);
	i->imm.cmp = op;
	return i;
}

static Instr *param(Block *b, int index)
{
	Instr *i = emit(b, OP_PARAM, NULL);
	i->imm.index = index;
	return i;
}

static Instr *phi(Block *b, Instr *x, Instr *y)
{
	return emit2(b, OP_PHI, x, y);
}

static Instr *br(Block *b, Block *to)
{
	Instr *i = emit(b, OP_BR, NULL);
	i->succ[0] = to;
	ir_add_pred(to, b);
	return i;
}

static Instr *condbr(Block *b, Instr *cond, Block *yes, Block *no)
{
	Instr *i = emit1(b, OP_CONDBR, cond);
	i->succ[0] = yes;
	i->succ[1] = no;
	ir_add_pred(yes, b);
	ir_add_pred(no, b);
	return i;
}

static Instr *ret(Block *b, Instr *v)
{
	return emit1(b, OP_RET, v);
}

static bool in_list(const InstrVec *v, const Instr *i)
{
	for (int k = 0; k < v->len; k++)
		if (v->items[k] == i)
			return true;
	return false;
}

/* ---- constfold ---- */

/* Operands are built by small makers so one table line reads as the
 * Python expression it tests. */
typedef struct Operand {
	enum { O_INT, O_FLOAT, O_STR, O_KIND, O_BIG } tag;
	int64_t i;
	double f;
	const char *s;
	ConstKind k;
} Operand;

#define I(v) ((Operand){.tag = O_INT, .i = (v)})
#define F(v) ((Operand){.tag = O_FLOAT, .f = (v)})
#define S(v) ((Operand){.tag = O_STR, .s = (v)})
#define K(v) ((Operand){.tag = O_KIND, .k = (v)})
#define BIG(v) ((Operand){.tag = O_BIG, .s = (v)})

static Instr *make(Block *b, Operand o)
{
	switch (o.tag) {
	case O_INT: return c_int(b, o.i);
	case O_FLOAT: return c_float(b, o.f);
	case O_STR: return c_str(b, o.s);
	case O_KIND: return c_kind(b, o.k);
	case O_BIG: return c_big(b, o.s);
	}
	abort();
}

/* What the folded value must be; NOFOLD when it must stay. */
typedef struct Expect {
	enum { E_NOFOLD, E_INT, E_FLOAT, E_BOOL, E_STR } tag;
	int64_t i;
	double f;
	const char *text;       /* float: its repr; str: its value */
	bool b;
} Expect;

#define NOFOLD ((Expect){.tag = E_NOFOLD})
#define EI(v) ((Expect){.tag = E_INT, .i = (v)})
#define EF(v, t) ((Expect){.tag = E_FLOAT, .f = (v), .text = (t)})
#define EB(v) ((Expect){.tag = E_BOOL, .b = (v)})
#define ES(v) ((Expect){.tag = E_STR, .text = (v)})

static void expect(Instr *op, Expect e, const char *what, int line)
{
	Instr *r = ir_resolve(op);
	char msg[256];
	snprintf(msg, sizeof msg, "constfold: %s", what);
	if (e.tag == E_NOFOLD) {
		check(r == op && !op->dead && in_list(&op->block->instrs, op), msg, line);
		return;
	}
	if (!check(r != op && r->op == OP_CONST && !r->dead, msg, line))
		return;
	const Constant *c = &r->imm.constant;
	char digits[24];
	switch (e.tag) {
	case E_INT:
		snprintf(digits, sizeof digits, "%" PRIu64, e.i < 0 ? 0 - (uint64_t)e.i : (uint64_t)e.i);
		check(c->kind == K_INT && c->fits && c->i == e.i && c->negative == (e.i < 0) &&
		      c->digits && strcmp(c->digits, digits) == 0 && r->type == ty(TY_INT), msg, line);
		break;
	case E_FLOAT:
		check(c->kind == K_FLOAT && memcmp(&c->f, &e.f, sizeof e.f) == 0 && c->text &&
		      strcmp(c->text, e.text) == 0 && r->type == ty(TY_FLOAT), msg, line);
		break;
	case E_BOOL:
		check(c->kind == (e.b ? K_TRUE : K_FALSE) && r->type == ty(TY_BOOL), msg, line);
		break;
	case E_STR:
		check(c->kind == K_STR && c->s.len == strlen(e.text) &&
		      memcmp(c->s.s, e.text, c->s.len) == 0 && r->type == ty(TY_STR), msg, line);
		break;
	default:
		break;
	}
}

static void test_binop(Operand x, BinOpKind op, Operand y, Expect e, const char *what, int line)
{
	Function *f = new_function("binop");
	Block *b = f->blocks.items[0];
	Instr *i = binop(b, op, make(b, x), make(b, y));
	ret(b, i);
	pass_constfold(f);
	expect(i, e, what, line);
}

static void test_unary(UnaryOpKind op, Operand x, Expect e, const char *what, int line)
{
	Function *f = new_function("unary");
	Block *b = f->blocks.items[0];
	Instr *i = unary(b, op, make(b, x));
	ret(b, i);
	pass_constfold(f);
	expect(i, e, what, line);
}

static void test_compare(Operand x, CmpOpKind op, Operand y, Expect e, const char *what, int line)
{
	Function *f = new_function("compare");
	Block *b = f->blocks.items[0];
	Instr *i = compare(b, op, make(b, x), make(b, y));
	ret(b, i);
	pass_constfold(f);
	expect(i, e, what, line);
}

#define BIN(x, op, y, e) test_binop(x, BINOP_##op, y, e, #x " " #op " " #y, __LINE__)
#define UN(op, x, e) test_unary(UNARY_##op, x, e, #op " " #x, __LINE__)
#define CMP(x, op, y, e) test_compare(x, CMP_##op, y, e, #x " " #op " " #y, __LINE__)

static void test_constfold_ints(void)
{
	BIN(I(2), ADD, I(3), EI(5));
	BIN(I(2), SUB, I(3), EI(-1));
	BIN(I(-4), MUL, I(3), EI(-12));
	BIN(I(INT64_MAX), ADD, I(1), NOFOLD);
	BIN(I(INT64_MIN), SUB, I(1), NOFOLD);
	BIN(I(INT64_MAX), SUB, I(-1), NOFOLD);
	BIN(I(INT64_C(1) << 32), MUL, I(INT64_C(1) << 30), EI(INT64_C(1) << 62));
	BIN(I(INT64_C(1) << 32), MUL, I(INT64_C(1) << 31), NOFOLD);
	BIN(I(-(INT64_C(1) << 32)), MUL, I(INT64_C(1) << 31), EI(INT64_MIN));
	BIN(I(INT64_C(1) << 32), MUL, I(INT64_C(1) << 32), NOFOLD);
	BIN(I(INT64_MIN), ADD, I(0), EI(INT64_MIN));
	/* Floor division and modulo take the sign of the divisor. */
	BIN(I(7), FLOORDIV, I(2), EI(3));
	BIN(I(7), FLOORDIV, I(-2), EI(-4));
	BIN(I(-7), FLOORDIV, I(2), EI(-4));
	BIN(I(-7), FLOORDIV, I(-2), EI(3));
	BIN(I(-8), FLOORDIV, I(2), EI(-4));
	BIN(I(7), FLOORDIV, I(0), NOFOLD);
	BIN(I(INT64_MIN), FLOORDIV, I(-1), NOFOLD);
	BIN(I(-7), MOD, I(3), EI(2));
	BIN(I(7), MOD, I(-3), EI(-2));
	BIN(I(-7), MOD, I(-3), EI(-1));
	BIN(I(7), MOD, I(3), EI(1));
	BIN(I(-6), MOD, I(3), EI(0));
	BIN(I(INT64_MIN), MOD, I(-1), EI(0));
	BIN(I(5), MOD, I(0), NOFOLD);
	/* True division is a float, and by zero it raises. */
	BIN(I(1), DIV, I(0), NOFOLD);
	BIN(I(0), DIV, I(0), NOFOLD);
	BIN(I(1), DIV, I(2), EF(0.5, "0.5"));
	BIN(I(6), DIV, I(3), EF(2.0, "2.0"));
	BIN(I(-7), DIV, I(2), EF(-3.5, "-3.5"));
	BIN(I(1), DIV, I(3), EF(1.0 / 3, "0.3333333333333333"));
	BIN(I((INT64_C(1) << 53) + 1), DIV, I(1), NOFOLD);  /* not exact as a double */
	/* ** only for exponents >= 0 and results in int64. */
	BIN(I(2), POW, I(10), EI(1024));
	BIN(I(2), POW, I(62), EI(INT64_C(1) << 62));
	BIN(I(2), POW, I(63), NOFOLD);
	BIN(I(-2), POW, I(63), EI(INT64_MIN));
	BIN(I(-2), POW, I(64), NOFOLD);
	BIN(I(3), POW, I(39), EI(INT64_C(4052555153018976267)));
	BIN(I(3), POW, I(40), NOFOLD);
	BIN(I(2), POW, I(-1), NOFOLD);
	BIN(I(0), POW, I(0), EI(1));
	BIN(I(1), POW, I(INT64_MAX), EI(1));
	BIN(I(-1), POW, I(INT64_MAX), EI(-1));
	BIN(I(0), POW, I(1000000), EI(0));
	BIN(I(10), POW, I(1000000), NOFOLD);
	/* Shifts: negative counts raise; results must fit. */
	BIN(I(1), LSHIFT, I(62), EI(INT64_C(1) << 62));
	BIN(I(1), LSHIFT, I(63), NOFOLD);
	BIN(I(-1), LSHIFT, I(62), EI(-(INT64_C(1) << 62)));
	BIN(I(3), LSHIFT, I(62), NOFOLD);
	BIN(I(0), LSHIFT, I(1000), EI(0));
	BIN(I(1), LSHIFT, I(-1), NOFOLD);
	BIN(I(-5), RSHIFT, I(1), EI(-3));
	BIN(I(5), RSHIFT, I(1), EI(2));
	BIN(I(-1), RSHIFT, I(100), EI(-1));
	BIN(I(12345), RSHIFT, I(100), EI(0));
	BIN(I(INT64_MIN), RSHIFT, I(63), EI(-1));
	BIN(I(8), RSHIFT, I(-1), NOFOLD);
	BIN(I(12), BITAND, I(10), EI(8));
	BIN(I(12), BITOR, I(10), EI(14));
	BIN(I(12), BITXOR, I(10), EI(6));
	BIN(I(-12), BITAND, I(10), EI(0));
	BIN(I(-1), BITXOR, I(5), EI(-6));
	/* Ints that do not fit int64 are left to run time. */
	BIN(BIG("9223372036854775808"), ADD, I(1), NOFOLD);
	BIN(BIG("9223372036854775808"), SUB, BIG("9223372036854775808"), NOFOLD);
}

static void test_constfold_bools_none_strs(void)
{
	/* bool is an int... */
	BIN(K(K_TRUE), ADD, K(K_TRUE), EI(2));
	BIN(K(K_TRUE), MUL, I(7), EI(7));
	BIN(K(K_FALSE), SUB, K(K_TRUE), EI(-1));
	BIN(I(5), FLOORDIV, K(K_FALSE), NOFOLD);
	BIN(K(K_TRUE), DIV, I(2), EF(0.5, "0.5"));
	BIN(K(K_TRUE), LSHIFT, I(3), EI(8));
	/* ...but &, |, ^ of two bools stay bools. */
	BIN(K(K_TRUE), BITAND, K(K_FALSE), EB(false));
	BIN(K(K_TRUE), BITOR, K(K_FALSE), EB(true));
	BIN(K(K_TRUE), BITXOR, K(K_TRUE), EB(false));
	BIN(K(K_TRUE), BITAND, I(3), EI(1));
	/* None in arithmetic is a TypeError at run time. */
	BIN(K(K_NONE), ADD, I(1), NOFOLD);
	BIN(I(1), ADD, K(K_NONE), NOFOLD);
	BIN(K(K_NONE), MUL, K(K_NONE), NOFOLD);
	BIN(K(K_NONE), ADD, F(1.0), NOFOLD);
	BIN(K(K_NONE), BITAND, K(K_TRUE), NOFOLD);
	/* Strings concatenate and nothing else. */
	BIN(S("a"), ADD, S("b"), ES("ab"));
	BIN(S(""), ADD, S("xyz"), ES("xyz"));
	BIN(S("\xc3\xa9t\xc3\xa9"), ADD, S("!"), ES("\xc3\xa9t\xc3\xa9!"));
	BIN(S("a"), ADD, I(1), NOFOLD);
	BIN(S("a"), MUL, I(3), NOFOLD);
	BIN(I(3), MUL, S("a"), NOFOLD);
	BIN(S("a"), SUB, S("a"), NOFOLD);
	BIN(S("%d"), MOD, I(3), NOFOLD);
}

static void test_constfold_floats(void)
{
	BIN(F(0.1), ADD, F(0.2), EF(0.1 + 0.2, "0.30000000000000004"));
	BIN(F(1.0), DIV, I(3), EF(1.0 / 3, "0.3333333333333333"));
	BIN(F(1e15), MUL, I(10), EF(1e16, "1e+16"));
	BIN(F(1e14), MUL, I(10), EF(1e15, "1000000000000000.0"));
	BIN(F(1.5), SUB, K(K_TRUE), EF(0.5, "0.5"));
	BIN(I(1), SUB, F(1.0), EF(0.0, "0.0"));
	BIN(F(-0.0), ADD, F(-0.0), EF(-0.0, "-0.0"));
	BIN(F(1e-5), MUL, I(1), EF(1e-5, "1e-05"));
	BIN(F(0.5), DIV, F(0.0), NOFOLD);
	BIN(F(0.5), DIV, F(-0.0), NOFOLD);
	BIN(F(0.5), DIV, I(0), NOFOLD);
	BIN(I((INT64_C(1) << 53) + 1), ADD, F(1.0), NOFOLD);
	BIN(I(INT64_C(1) << 53), ADD, F(1.0), EF(9007199254740992.0, "9007199254740992.0"));
	/* Results that are not finite are left alone. */
	BIN(F(1e308), MUL, I(10), NOFOLD);
	/* ** on floats is C's pow in CPython: left alone. */
	BIN(F(2.0), POW, I(2), NOFOLD);
	BIN(I(2), POW, F(0.5), NOFOLD);
	BIN(F(2.0), BITAND, I(1), NOFOLD);
	BIN(F(1.0), LSHIFT, I(1), NOFOLD);
	/* Floor division and modulo as CPython's float_divmod. */
	BIN(F(7.5), FLOORDIV, F(2.0), EF(3.0, "3.0"));
	BIN(F(-7.5), FLOORDIV, F(2.0), EF(-4.0, "-4.0"));
	BIN(F(7.5), MOD, F(-2.0), EF(-0.5, "-0.5"));
	BIN(F(-7.5), MOD, F(2.0), EF(0.5, "0.5"));
	BIN(F(6.0), MOD, F(-3.0), EF(-0.0, "-0.0"));
	BIN(F(-0.0), FLOORDIV, F(5.0), EF(-0.0, "-0.0"));
	BIN(F(1.0), FLOORDIV, F(0.1), EF(9.0, "9.0"));
	BIN(F(1.0), MOD, F(0.1), EF(0.09999999999999995, "0.09999999999999995"));
	BIN(I(-1), FLOORDIV, F(INFINITY), EF(-1.0, "-1.0"));
	BIN(F(3.0), FLOORDIV, F(0.0), NOFOLD);
	BIN(F(3.0), MOD, F(0.0), NOFOLD);
}

static void test_constfold_unary(void)
{
	UN(NEG, I(5), EI(-5));
	UN(NEG, I(-5), EI(5));
	UN(NEG, I(INT64_MAX), EI(-INT64_MAX));
	UN(NEG, I(INT64_MIN), NOFOLD);
	UN(NEG, F(1.5), EF(-1.5, "-1.5"));
	UN(NEG, F(0.0), EF(-0.0, "-0.0"));
	UN(NEG, K(K_TRUE), EI(-1));
	UN(NEG, K(K_NONE), NOFOLD);
	UN(NEG, S("a"), NOFOLD);
	UN(NEG, BIG("9223372036854775808"), NOFOLD);
	UN(POS, I(7), EI(7));
	UN(POS, K(K_FALSE), EI(0));
	UN(POS, F(-2.5), EF(-2.5, "-2.5"));
	UN(POS, S("a"), NOFOLD);
	UN(INVERT, I(5), EI(-6));
	UN(INVERT, I(INT64_MIN), EI(INT64_MAX));
	UN(INVERT, F(1.0), NOFOLD);
	UN(INVERT, K(K_NONE), NOFOLD);
	/* Truthiness: 0, 0.0, '', None and False are false. */
	UN(NOT, I(0), EB(true));
	UN(NOT, I(3), EB(false));
	UN(NOT, F(0.0), EB(true));
	UN(NOT, F(-0.0), EB(true));
	UN(NOT, F(NAN), EB(false));
	UN(NOT, S(""), EB(true));
	UN(NOT, S("x"), EB(false));
	UN(NOT, K(K_NONE), EB(true));
	UN(NOT, K(K_FALSE), EB(true));
	UN(NOT, K(K_TRUE), EB(false));
	UN(NOT, BIG("99999999999999999999"), EB(false));
}

static void test_constfold_compare(void)
{
	CMP(I(1), LT, I(2), EB(true));
	CMP(I(2), LE, I(2), EB(true));
	CMP(I(3), GT, I(2), EB(true));
	CMP(I(1), GE, I(2), EB(false));
	CMP(I(1), EQ, I(1), EB(true));
	CMP(I(1), NE, I(1), EB(false));
	CMP(I(INT64_MIN), LT, I(INT64_MAX), EB(true));
	CMP(K(K_TRUE), EQ, I(1), EB(true));
	CMP(K(K_FALSE), EQ, I(0), EB(true));
	CMP(K(K_TRUE), GT, K(K_FALSE), EB(true));
	CMP(K(K_TRUE), EQ, F(1.0), EB(true));
	CMP(I(1), EQ, F(1.0), EB(true));
	CMP(F(0.1), LT, F(0.2), EB(true));
	CMP(F(NAN), EQ, F(NAN), EB(false));
	CMP(F(NAN), NE, F(NAN), EB(true));
	CMP(F(NAN), LT, I(1), EB(false));
	CMP(F(NAN), GE, I(1), EB(false));
	CMP(F(-0.0), EQ, I(0), EB(true));
	/* 2**53 + 1 is not a double: CPython compares exactly, we do not. */
	CMP(I((INT64_C(1) << 53) + 1), GT, F(9007199254740992.0), NOFOLD);
	CMP(S("a"), LT, S("b"), EB(true));
	CMP(S("ab"), LT, S("abc"), EB(true));
	CMP(S("abc"), GT, S("ab"), EB(true));
	CMP(S("b"), LE, S("abc"), EB(false));
	CMP(S("x"), EQ, S("x"), EB(true));
	CMP(S("x"), NE, S("y"), EB(true));
	CMP(S("\xc3\xa9"), GT, S("z"), EB(true));    /* U+00E9 > U+007A */
	CMP(S("\xef\xbf\xbd"), GT, S("\xc3\xa9"), EB(true));
	CMP(S("a"), EQ, I(1), NOFOLD);
	CMP(K(K_NONE), EQ, K(K_NONE), NOFOLD);
	CMP(I(1), IS, I(1), NOFOLD);
	CMP(S("a"), IN, S("abc"), NOFOLD);
}

/* A fold is a new constant right before the old instruction, with its
 * location, statement and name; folds feed each other. */
static void test_constfold_placement(void)
{
	Function *f = new_function("place");
	Block *b = f->blocks.items[0];
	Instr *x = c_int(b, 6), *y = c_int(b, 7);
	Instr *mul = binop(b, BINOP_MUL, x, y);
	mul->loc = (SrcRange){3, 5, 3, 10};
	mul->stmt = 2;
	mul->name = "z";
	Instr *neg = unary(b, UNARY_NEG, mul);
	Instr *r = ret(b, neg);
	CHECK(pass_constfold(f));
	Instr *c = ir_resolve(mul);
	CHECK(c->op == OP_CONST && c->imm.constant.i == 42);
	CHECK(c->loc.line == 3 && c->loc.col == 5 && c->loc.end_col == 10);
	CHECK(c->stmt == 2 && c->name && strcmp(c->name, "z") == 0);
	CHECK(c->block == b);
	CHECK(ir_resolve(neg)->imm.constant.i == -42);
	/* x, y, 42, -42, ret once compacted. */
	CHECK(b->instrs.len == 5 && b->instrs.items[2] == c &&
	      b->instrs.items[3] == ir_resolve(neg) && b->instrs.items[4] == r);
	CHECK(r->args.items[0] == ir_resolve(neg));
	CHECK(mul->dead && neg->dead);
	CHECK(c->id > 0 && c->id <= f->nvalues && c->id != mul->id);
	CHECK(!pass_constfold(f));
}

/* condbr on a constant: br to the taken side; the other side loses the
 * edge and its phis the matching argument. */
static void test_constfold_branch(void)
{
	Function *f = new_function("branch");
	Block *b0 = f->blocks.items[0];
	Block *b1 = ir_block_new(f, "then");
	Block *b2 = ir_block_new(f, "join");
	Instr *ca = c_int(b0, 1), *t = c_kind(b0, K_TRUE);
	Instr *cb = c_int(b1, 2);
	Instr *cbr = condbr(b0, t, b1, b2);      /* b2.preds = [b0, b1] */
	br(b1, b2);
	Instr *p = phi(b2, ca, cb);
	ret(b2, p);
	CHECK(b2->preds.len == 2 && b2->preds.items[0] == b0);
	CHECK(pass_constfold(f));
	CHECK(cbr->op == OP_BR && cbr->succ[0] == b1 && cbr->args.len == 0);
	CHECK(ir_terminator(b0) == cbr);
	CHECK(b2->preds.len == 1 && b2->preds.items[0] == b1);
	CHECK(p->args.len == 1 && p->args.items[0] == cb);
	CHECK(b1->preds.len == 1 && b1->preds.items[0] == b0);

	/* The whole default pipeline then leaves one block returning 2. */
	pass_simplifycfg(f);
	pass_constfold(f);
	pass_copyprop(f);
	pass_dce(f);
	pass_simplifycfg(f);
	CHECK(f->blocks.len == 1 && f->blocks.items[0] == b0 && b0->id == 0);
	CHECK(b0->instrs.len == 2 && b0->instrs.items[0] == cb &&
	      ir_terminator(b0)->op == OP_RET && ir_terminator(b0)->args.items[0] == cb);
	CHECK(cb->block == b0);

	/* False takes succ[1]; a condition on a non-constant stays. */
	Function *g = new_function("branch_false");
	Block *e = g->blocks.items[0];
	Block *y = ir_block_new(g, "yes"), *n = ir_block_new(g, "no");
	Instr *gbr = condbr(e, c_str(e, ""), y, n);
	ret(y, c_kind(y, K_NONE));
	ret(n, c_kind(n, K_NONE));
	CHECK(pass_constfold(g));
	CHECK(gbr->op == OP_BR && gbr->succ[0] == n && y->preds.len == 0 && n->preds.len == 1);

	Function *h = new_function("branch_param");
	Block *he = h->blocks.items[0];
	Block *hy = ir_block_new(h, "yes"), *hn = ir_block_new(h, "no");
	Instr *hbr = condbr(he, param(he, 0), hy, hn);
	ret(hy, c_kind(hy, K_NONE));
	ret(hn, c_kind(hn, K_NONE));
	CHECK(!pass_constfold(h));
	CHECK(hbr->op == OP_CONDBR);
}

/* ---- float_repr ---- */

static void test_float_repr(void)
{
	/* Pairs printed by python3: v.hex() and repr(v). */
	static const struct { double v; const char *repr; } cases[] = {
		{0x0.0p+0, "0.0"},
		{-0x0.0p+0, "-0.0"},
		{0x1.0000000000000p+0, "1.0"},
		{-0x1.0000000000000p+0, "-1.0"},
		{0x1.999999999999ap-4, "0.1"},
		{0x1.999999999999ap-3, "0.2"},
		{0x1.3333333333334p-2, "0.30000000000000004"},
		{0x1.5555555555555p-2, "0.3333333333333333"},
		{0x1.5555555555555p-1, "0.6666666666666666"},
		{0x1.8000000000000p+0, "1.5"},
		{0x1.9000000000000p+6, "100.0"},
		{0x1.c6bf526340000p+49, "1000000000000000.0"},
		{0x1.1c37937e08000p+53, "1e+16"},
		{-0x1.1c37937e08000p+53, "-1e+16"},
		{0x1.1c37937e07fffp+53, "9999999999999998.0"},
		{0x1.6345785d8a000p+56, "1e+17"},
		{0x1.0f0cf064dd592p+73, "1e+22"},
		{0x1.52d02c7e14af6p+76, "1e+23"},
		{0x1.b69b4ba630f35p+56, "1.2345678901234568e+17"},
		{0x1.a36e2eb1c432dp-14, "0.0001"},
		{0x1.4f8b588e368f1p-17, "1e-05"},
		{0x1.f75104d551d6ap-16, "3.0000000000000004e-05"},
		{0x1.02e4b6ce5dc68p-13, "0.00012345"},
		{0x1.ad7f29abcaf48p-24, "1e-07"},
		{0x0.0000000000001p-1022, "5e-324"},
		{0x1.0000000000000p-1022, "2.2250738585072014e-308"},
		{0x1.fffffffffffffp+1023, "1.7976931348623157e+308"},
		/* Powers of two where the nearest 16-digit string does not
		 * read back but the next one does. */
		{0x1.0000000000000p-1017, "7.120236347223045e-307"},
		{0x1.0000000000000p-1007, "7.291122019556398e-304"},
		{0x1.0000000000000p-296, "7.854549544476363e-90"},
		{0x1.0000000000000p+60, "1.152921504606847e+18"},
		{0x1.0000000000000p+63, "9.223372036854776e+18"},
		{0x1.921fb54442d18p+1, "3.141592653589793"},
		{0x1.5bf0a8b145769p+1, "2.718281828459045"},
		{0x1.34a456d5cfaadp+10, "1234.5678"},
		{-0x1.0000000000000p-1, "-0.5"},
		{0x1.3333333333333p-2, "0.3"},
		{0x1.7e43c8800759cp+996, "1e+300"},
		{0x1.0000000000001p+0, "1.0000000000000002"},
		{0x1.fffffffffffffp-1, "0.9999999999999999"},
		{0x1.0000000000000p+53, "9007199254740992.0"},
		{INFINITY, "inf"},
		{-INFINITY, "-inf"},
		{NAN, "nan"},
	};
	for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
		char buf[32];
		float_repr(cases[k].v, buf);
		if (!CHECK(strcmp(buf, cases[k].repr) == 0))
			fprintf(stderr, "  float_repr(%a) = '%s', python3 says '%s'\n", cases[k].v,
			        buf, cases[k].repr);
	}
}

/* ---- dce ---- */

static void test_dce(void)
{
	Function *f = new_function("dce");
	Block *b0 = f->blocks.items[0];
	Block *loop = ir_block_new(f, "loop");
	Block *exit = ir_block_new(f, "exit");
	Instr *p = param(b0, 0);
	Instr *unused = c_int(b0, 5);
	Instr *callee = emit(b0, OP_LOAD_GLOBAL, NULL);
	callee->imm.name = "print";
	Instr *call = emit1(b0, OP_CALL, callee);    /* value unused, but a call */
	Instr *seven = c_int(b0, 7);
	Instr *store = emit1(b0, OP_STORE_GLOBAL, seven);
	store->imm.name = "g";
	Instr *chained = c_int(b0, 9);               /* only used by a dead tuple */
	Instr *tuple = emit1(b0, OP_BUILD_TUPLE, chained);
	Instr *zero = c_int(b0, 0);                  /* only used by the phi cycle */
	Instr *two = c_int(b0, 2);
	Instr *raising = binop(b0, BINOP_FLOORDIV, p, two);  /* may raise: stays */
	br(b0, loop);
	/* A dead cycle: each phi only feeds the other. */
	Instr *phi1 = phi(loop, zero, NULL), *phi2 = phi(loop, zero, NULL);
	phi1->args.items[1] = phi2;
	phi2->args.items[1] = phi1;
	Instr *self = phi(loop, p, NULL);            /* only uses itself */
	self->args.items[1] = self;
	condbr(loop, p, loop, exit);                 /* loop.preds = [b0, loop] */
	Instr *none = c_kind(exit, K_NONE);
	ret(exit, none);

	CHECK(pass_dce(f));
	CHECK(unused->dead && !in_list(&b0->instrs, unused));
	CHECK(tuple->dead && chained->dead);
	CHECK(phi1->dead && phi2->dead && self->dead && zero->dead && loop->phis.len == 0);
	CHECK(!call->dead && in_list(&b0->instrs, call) && !callee->dead);
	CHECK(!store->dead && !seven->dead && in_list(&b0->instrs, store));
	CHECK(!raising->dead && !two->dead && !p->dead);
	CHECK(!none->dead);
	/* p, print, call, 7, store, 2, //, br */
	CHECK(b0->instrs.len == 8);
	CHECK(!pass_dce(f));
}

/* ---- copyprop ---- */

static void test_copyprop(void)
{
	Function *f = new_function("copyprop");
	Block *b0 = f->blocks.items[0];
	Block *t = ir_block_new(f, "then"), *e = ir_block_new(f, "else");
	Block *join = ir_block_new(f, "join"), *loop = ir_block_new(f, "loop");
	Block *exit = ir_block_new(f, "exit");
	Instr *a = param(b0, 0), *c = param(b0, 1);
	condbr(b0, a, t, e);
	br(t, join);
	br(e, join);
	Instr *same = phi(join, a, a);          /* trivial: a on both edges */
	Instr *diff = phi(join, a, c);          /* a real choice */
	br(join, loop);
	/* In the loop: later depends on before, which is trivial; later
	 * comes first, so it takes a second round to see. */
	Instr *later = phi(loop, same, NULL);
	Instr *before = phi(loop, same, NULL);
	later->args.items[1] = before;
	before->args.items[1] = before;
	Instr *use = emit2(loop, OP_BUILD_TUPLE, later, diff);
	Instr *call = emit1(loop, OP_CALL, use);
	condbr(loop, call, loop, exit);
	Instr *r = ret(exit, later);

	CHECK(pass_copyprop(f));
	CHECK(same->dead && ir_resolve(same) == a);
	CHECK(before->dead && later->dead && ir_resolve(later) == a);
	CHECK(!diff->dead && join->phis.len == 1 && join->phis.items[0] == diff);
	CHECK(loop->phis.len == 0);
	CHECK(use->args.items[0] == a && use->args.items[1] == diff);
	CHECK(r->args.items[0] == a);
	CHECK(diff->args.items[0] == a && diff->args.items[1] == c);
	CHECK(!pass_copyprop(f));
}

/* ---- simplifycfg ---- */

static void test_simplifycfg_unreachable(void)
{
	Function *f = new_function("unreachable");
	Block *b0 = f->blocks.items[0];
	Block *dead = ir_block_new(f, "dead");
	Block *live = ir_block_new(f, "live");
	Block *join = ir_block_new(f, "join");
	Instr *c2 = c_int(b0, 2);
	br(b0, live);
	Instr *v = c_int(dead, 1);
	br(dead, join);
	Instr *w = c_int(live, 3);
	br(live, join);                         /* join.preds = [dead, live] */
	Instr *p = phi(join, v, c2);
	Instr *q = phi(join, v, w);
	Instr *r = ret(join, emit2(join, OP_BUILD_TUPLE, p, q));

	CHECK(pass_simplifycfg(f));
	/* dead is gone; live merged into the entry; join keeps its phis. */
	CHECK(f->blocks.len == 2 && f->blocks.items[0] == b0 && f->blocks.items[1] == join);
	CHECK(b0->id == 0 && join->id == 1);
	CHECK(v->dead);
	CHECK(join->preds.len == 1 && join->preds.items[0] == b0);
	CHECK(p->args.len == 1 && p->args.items[0] == c2);
	CHECK(q->args.len == 1 && q->args.items[0] == w);
	CHECK(w->block == b0 && in_list(&b0->instrs, w));
	CHECK(ir_terminator(b0)->op == OP_BR && ir_terminator(b0)->succ[0] == join);
	CHECK(b0->instrs.len == 3);          /* 2, 3, br */
	CHECK(ir_terminator(join) == r);
	CHECK(!pass_simplifycfg(f));
}

/* Handlers stay though no normal edge leads there; a block a Region names
 * but nothing reaches goes, and the Region forgets it; a block that raises
 * to another handler is not merged. */
static void test_simplifycfg_keeps(void)
{
	Function *f = new_function("keeps");
	Block *b0 = f->blocks.items[0];
	Block *body = ir_block_new(f, "if.body");
	Block *orelse = ir_block_new(f, "if.else");  /* dead but named */
	Block *exit = ir_block_new(f, "if.exit");
	Block *handler = ir_block_new(f, "try.handler");
	Block *tail = ir_block_new(f, "tail");
	Block *orphan = ir_block_new(f, "orphan");
	br(b0, body);
	Instr *two = c_int(body, 2);
	br(body, exit);
	Instr *x = c_int(orelse, 1);
	br(orelse, exit);                      /* exit.preds = [body, orelse] */
	Instr *ph = phi(exit, two, x);
	br(exit, tail);
	tail->handler = handler;
	Instr *call = emit1(tail, OP_CALL, ph);
	ret(tail, call);
	ret(handler, c_kind(handler, K_NONE));
	ret(orphan, c_kind(orphan, K_NONE));
	Region *rg = arena_alloc(&arena, sizeof *rg);
	*rg = (Region){.kind = RG_IF, .head = b0, .body = body, .orelse = orelse, .exit = exit};
	regionvec_push(&arena, &f->regions, rg);

	CHECK(pass_simplifycfg(f));
	/* orphan and the dead orelse are gone; nothing merges: body and exit
	 * are named by the region, tail raises elsewhere. */
	CHECK(f->blocks.len == 5);
	for (int k = 0; k < f->blocks.len; k++)
		CHECK(f->blocks.items[k]->id == k && f->blocks.items[k] != orphan &&
		      f->blocks.items[k] != orelse);
	CHECK(f->blocks.items[1] == body && f->blocks.items[2] == exit &&
	      f->blocks.items[4] == tail);
	CHECK(rg->orelse == NULL && rg->body == body && rg->exit == exit && rg->head == b0);
	CHECK(exit->preds.len == 1 && ph->args.len == 1 && x->dead);
	CHECK(handler->id == 3);
}

/* A region whose head nothing reaches goes with its blocks. */
static void test_simplifycfg_dead_region(void)
{
	Function *f = new_function("undef");
	Block *b0 = f->blocks.items[0];
	Block *gone = ir_block_new(f, "gone");
	Block *named = ir_block_new(f, "if.else");
	ret(b0, c_kind(b0, K_NONE));
	Instr *u = param(gone, 0);
	u->name = "x";
	br(gone, named);
	Instr *call = emit1(named, OP_CALL, u);
	ret(named, call);
	Region *kept = arena_alloc(&arena, sizeof *kept);
	*kept = (Region){.kind = RG_IF, .head = b0, .orelse = named};
	regionvec_push(&arena, &f->regions, kept);
	Region *dead = arena_alloc(&arena, sizeof *dead);
	*dead = (Region){.kind = RG_WHILE, .head = gone, .body = named, .parent = kept};
	regionvec_push(&arena, &f->regions, dead);

	CHECK(pass_simplifycfg(f));
	CHECK(f->blocks.len == 1 && f->blocks.items[0] == b0);
	CHECK(u->dead && call->dead);
	CHECK(f->regions.len == 1 && f->regions.items[0] == kept && kept->orelse == NULL);
}

/* A chain of blocks each branching to the next becomes one block. */
static void test_simplifycfg_chain(void)
{
	Function *f = new_function("chain");
	Block *b[4];
	b[0] = f->blocks.items[0];
	for (int k = 1; k < 4; k++)
		b[k] = ir_block_new(f, "next");
	Instr *vals[4];
	for (int k = 0; k < 4; k++) {
		vals[k] = emit1(b[k], OP_CALL, param(b[k], k));
		if (k < 3)
			br(b[k], b[k + 1]);
	}
	Instr *r = ret(b[3], vals[3]);
	CHECK(pass_simplifycfg(f));
	CHECK(f->blocks.len == 1 && b[0]->instrs.len == 9);
	CHECK(ir_terminator(b[0]) == r && r->block == b[0]);
	for (int k = 0; k < 4; k++)
		CHECK(vals[k]->block == b[0] && b[0]->instrs.items[2 * k + 1] == vals[k]);
}

/* A loop: its header has two predecessors and stays; the body that
 * branches back is not merged into the header either (two preds). */
static void test_simplifycfg_loop(void)
{
	Function *f = new_function("loop");
	Block *b0 = f->blocks.items[0];
	Block *head = ir_block_new(f, "while.head");
	Block *body = ir_block_new(f, "while.body");
	Block *exit = ir_block_new(f, "while.exit");
	br(b0, head);
	condbr(head, param(head, 0), body, exit);
	br(body, head);
	ret(exit, c_kind(exit, K_NONE));
	CHECK(!pass_simplifycfg(f));
	CHECK(f->blocks.len == 4);

	/* A block branching to itself is not merged into itself. */
	Function *g = new_function("self");
	Block *g0 = g->blocks.items[0];
	Block *spin = ir_block_new(g, "spin");
	br(g0, spin);
	br(spin, spin);
	CHECK(!pass_simplifycfg(g));
	CHECK(g->blocks.len == 2 && spin->preds.len == 2);
}

/* ---- pass registry and options ---- */

/* Runs fn with stderr sent to /dev/null: the error messages are expected. */
static int quietly(int (*fn)(const char *, PassOptions *), const char *arg, PassOptions *o)
{
	fflush(stderr);
	int saved = dup(2);
	FILE *null = fopen("/dev/null", "w");
	if (saved < 0 || !null)
		return fn(arg, o);
	dup2(fileno(null), 2);
	int r = fn(arg, o);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	fclose(null);
	return r;
}

static int check_options(const char *unused, PassOptions *o)
{
	(void)unused;
	return pass_check_options(o);
}

static void test_options(void)
{
	CHECK(pass_registry_len == 6);  /* dce copyprop constfold simplifycfg out-of-ssa typeinfer */
	CHECK(pass_lookup("dce", 3) == 0 && pass_lookup("simplifycfg", 11) == 3);
	CHECK(pass_lookup("dcex", 4) < 0 && pass_lookup("dc", 2) < 0);
	CHECK(pass_registry[pass_lookup("constfold", 9)].run == pass_constfold);

	PassOptions o = {0};
	CHECK(pass_parse_option("-passes=dce,constfold", &o) == 1 &&
	      strcmp(o.pipeline, "dce,constfold") == 0);
	CHECK(pass_parse_option("-print-after=dce", &o) == 1 && strcmp(o.print_after, "dce") == 0);
	CHECK(pass_parse_option("-print-after-all", &o) == 1 && o.print_after_all);
	CHECK(pass_parse_option("-debug-pass-manager", &o) == 1 && o.debug_pass_manager);
	CHECK(pass_parse_option("-time-passes", &o) == 1 && o.time_passes);
	CHECK(pass_parse_option("-verify-each", &o) == 1 && o.verify_each);
	CHECK(pass_parse_option("-ast-dump", &o) == 0);
	CHECK(pass_parse_option("-passesx", &o) == 0);
	CHECK(pass_parse_option("file.py", &o) == 0);
	CHECK(quietly(pass_parse_option, "-passes", &o) == -1);
	CHECK(quietly(pass_parse_option, "-print-after", &o) == -1);
	CHECK(quietly(pass_parse_option, "-print-after=", &o) == -1);
	CHECK(quietly(pass_parse_option, "-time-passes=1", &o) == -1);
	CHECK(pass_check_options(&o));

	PassOptions empty = {.pipeline = ""};
	CHECK(pass_check_options(&empty));
	PassOptions bad = {.pipeline = "dce,nosuch"};
	CHECK(!quietly(check_options, NULL, &bad));
	PassOptions hole = {.pipeline = "dce,,dce"};
	CHECK(!quietly(check_options, NULL, &hole));
	PassOptions bad_print = {.print_after = "constfold,x"};
	CHECK(!quietly(check_options, NULL, &bad_print));

	/* The default pipeline names registered passes. */
	PassOptions def = {.pipeline = PASS_DEFAULT_PIPELINE};
	CHECK(pass_check_options(&def));

	const char *list = "a,,bc", *name;
	size_t len;
	CHECK(pass_next_name(&list, &name, &len) && len == 1 && name[0] == 'a');
	CHECK(pass_next_name(&list, &name, &len) && len == 0);
	CHECK(pass_next_name(&list, &name, &len) && len == 2 && memcmp(name, "bc", 2) == 0);
	CHECK(!pass_next_name(&list, &name, &len));
}

int main(void)
{
	arena_init(&arena);
	mod = ir_module_new(&arena, "test.py");
	test_constfold_ints();
	test_constfold_bools_none_strs();
	test_constfold_floats();
	test_constfold_unary();
	test_constfold_compare();
	test_constfold_placement();
	test_constfold_branch();
	test_float_repr();
	test_dce();
	test_copyprop();
	test_simplifycfg_unreachable();
	test_simplifycfg_keeps();
	test_simplifycfg_dead_region();
	test_simplifycfg_chain();
	test_simplifycfg_loop();
	test_options();
	arena_free(&arena);
	printf("passes_unit_test: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
