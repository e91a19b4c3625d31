/* ir_unit_test.c: dominators and the verifier on hand-built IR.
 *
 * Prints `ir_unit_test: N passed, M failed` and exits non-zero when a
 * check fails; failing checks are described on stderr with the
 * verifier's output. */
#include "ir/ir.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static int passed, failed;

#define CHECK(cond) check((cond), #cond, __LINE__, NULL)
#define CHECK_ERR(cond, err) check((cond), #cond, __LINE__, (err))

static void check(bool ok, const char *what, int line, const StrBuf *err)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	fprintf(stderr, "FAIL line %d: %s\n", line, what);
	if (err && err->len)
		fprintf(stderr, "  verifier said:\n%s", err->data);
}

/* ---- building ---- */

static const Type *ty(Function *f, TypeKind k) { return type_basic(&f->module->types, k); }

static Instr *mk(Block *b, Op op, TypeKind t, int nargs, ...)
{
	Function *f = b->fn;
	Instr *i = ir_instr_new(f, op, ty(f, t));
	va_list ap;
	va_start(ap, nargs);
	for (int k = 0; k < nargs; k++)
		ir_add_arg(f, i, va_arg(ap, Instr *));
	va_end(ap);
	ir_append(b, i);
	return i;
}

static Instr *cint(Block *b, int64_t v)
{
	Instr *i = mk(b, OP_CONST, TY_INT, 0);
	i->imm.constant.kind = K_INT;
	i->imm.constant.i = v;
	i->imm.constant.fits = true;
	return i;
}

static Instr *cbool(Block *b, bool v)
{
	Instr *i = mk(b, OP_CONST, TY_BOOL, 0);
	i->imm.constant.kind = v ? K_TRUE : K_FALSE;
	return i;
}

static Instr *cnone(Block *b)
{
	Instr *i = mk(b, OP_CONST, TY_NONE, 0);
	i->imm.constant.kind = K_NONE;
	return i;
}

static Instr *binop(Block *b, BinOpKind op, Instr *x, Instr *y)
{
	Instr *i = mk(b, OP_BINOP, TY_INT, 2, x, y);
	i->imm.binop = op;
	return i;
}

static Instr *cmp(Block *b, CmpOpKind op, Instr *x, Instr *y)
{
	Instr *i = mk(b, OP_COMPARE, TY_BOOL, 2, x, y);
	i->imm.cmp = op;
	return i;
}

static void br(Block *b, Block *to)
{
	Instr *i = mk(b, OP_BR, TY_NONE, 0);
	i->succ[0] = to;
	ir_add_pred(to, b);
}

static void condbr(Block *b, Instr *c, Block *t, Block *e)
{
	Instr *i = mk(b, OP_CONDBR, TY_NONE, 1, c);
	i->succ[0] = t;
	i->succ[1] = e;
	ir_add_pred(t, b);
	ir_add_pred(e, b);
}

static Instr *iternext(Block *b, Instr *it, Block *body, Block *done)
{
	Instr *i = mk(b, OP_ITERNEXT, TY_OBJECT, 1, it);
	i->succ[0] = body;
	i->succ[1] = done;
	ir_add_pred(body, b);
	ir_add_pred(done, b);
	return i;
}

static void ret(Block *b, Instr *v) { mk(b, OP_RET, TY_NONE, 1, v); }

/* A phi whose args the caller adds in pred order. */
static Instr *phi(Block *b, TypeKind t) { return mk(b, OP_PHI, t, 0); }

/* ---- verifying ---- */

static bool verifies(Function *f, StrBuf *err)
{
	sb_clear(err);
	return ir_verify_function(f, err);
}

/* Whether verification fails with a message containing `want`. */
static bool rejects(Function *f, StrBuf *err, const char *want)
{
	sb_clear(err);
	bool ok = ir_verify_function(f, err);
	return !ok && err->data && strstr(err->data, want);
}

/* ---- tests ---- */

typedef struct Diamond {
	Function *f;
	Block *entry, *then, *els, *join;
	Instr *x1, *x2, *p;
} Diamond;

/* if c: x = 1 else: x = 2; return x */
static Diamond diamond(IRModule *m, const char *name)
{
	Diamond d;
	d.f = ir_function_new(m, name, NULL);
	d.entry = ir_block_new(d.f, "entry");
	d.then = ir_block_new(d.f, "if.then");
	d.els = ir_block_new(d.f, "if.else");
	d.join = ir_block_new(d.f, "if.end");
	condbr(d.entry, cbool(d.entry, true), d.then, d.els);
	d.x1 = cint(d.then, 1);
	br(d.then, d.join);
	d.x2 = cint(d.els, 2);
	br(d.els, d.join);
	d.p = NULL;
	return d;
}

static void finish_diamond(Diamond *d)
{
	d->p = phi(d->join, TY_INT);
	ir_add_arg(d->f, d->p, d->x1);
	ir_add_arg(d->f, d->p, d->x2);
	ret(d->join, d->p);
}

static void test_diamond(IRModule *m, StrBuf *err)
{
	Diamond d = diamond(m, "diamond");
	finish_diamond(&d);
	CHECK_ERR(verifies(d.f, err), err);
	CHECK(d.entry->rpo == 0);
	CHECK(d.join->rpo == 3);
	CHECK(d.then->rpo > 0 && d.els->rpo > 0 && d.then->rpo != d.els->rpo);
	CHECK(d.entry->idom == NULL);
	CHECK(d.then->idom == d.entry && d.els->idom == d.entry && d.join->idom == d.entry);
	CHECK(ir_dominates(d.entry, d.join));
	CHECK(ir_dominates(d.entry, d.then));
	CHECK(ir_dominates(d.join, d.join));
	CHECK(!ir_dominates(d.then, d.join));
	CHECK(!ir_dominates(d.els, d.join));
	CHECK(!ir_dominates(d.join, d.entry));
	CHECK(!ir_dominates(d.then, d.els));
}

/* i = 0; while i < 10: i = i + 1; return i */
static void test_loop(IRModule *m, StrBuf *err)
{
	Function *f = ir_function_new(m, "loop", NULL);
	Block *entry = ir_block_new(f, "entry");
	Block *head = ir_block_new(f, "while.cond");
	Block *body = ir_block_new(f, "while.body");
	Block *exit = ir_block_new(f, "while.end");
	Instr *zero = cint(entry, 0);
	br(entry, head);
	Instr *i = phi(head, TY_INT);
	Instr *c = cmp(head, CMP_LT, i, cint(head, 10));
	condbr(head, c, body, exit);
	Instr *next = binop(body, BINOP_ADD, i, cint(body, 1));
	br(body, head);
	ir_add_arg(f, i, zero);
	ir_add_arg(f, i, next);
	ret(exit, i);
	CHECK_ERR(verifies(f, err), err);
	CHECK(entry->rpo == 0 && head->rpo == 1);
	CHECK(head->idom == entry && body->idom == head && exit->idom == head);
	CHECK(ir_dominates(head, body));
	CHECK(ir_dominates(head, exit));
	CHECK(ir_dominates(entry, exit));
	CHECK(!ir_dominates(body, head));
	CHECK(!ir_dominates(body, exit));
	CHECK(!ir_dominates(exit, body));

	/* The back edge's value must dominate the back edge's source. */
	Function *g = ir_function_new(m, "loop_bad_phi", NULL);
	entry = ir_block_new(g, "entry");
	head = ir_block_new(g, "while.cond");
	body = ir_block_new(g, "while.body");
	exit = ir_block_new(g, "while.end");
	zero = cint(entry, 0);
	br(entry, head);
	i = phi(head, TY_INT);
	c = cmp(head, CMP_LT, i, cint(head, 10));
	condbr(head, c, body, exit);
	next = binop(body, BINOP_ADD, i, cint(body, 1));
	br(body, head);
	ir_add_arg(g, i, next);  /* swapped */
	ir_add_arg(g, i, zero);
	ret(exit, i);
	CHECK_ERR(rejects(g, err, "which does not dominate bb0"), err);
}

typedef struct ForLoop {
	Function *f;
	Block *entry, *head, *body, *done;
	Instr *item, *one;
} ForLoop;

/* for x in []: y = x + 1; then the caller finishes `done`. */
static ForLoop for_loop(IRModule *m, const char *name)
{
	ForLoop l;
	l.f = ir_function_new(m, name, NULL);
	l.entry = ir_block_new(l.f, "entry");
	l.head = ir_block_new(l.f, "for.head");
	l.body = ir_block_new(l.f, "for.body");
	l.done = ir_block_new(l.f, "for.end");
	Instr *lst = mk(l.entry, OP_BUILD_LIST, TY_LIST, 0);
	Instr *it = mk(l.entry, OP_ITER, TY_ITER, 1, lst);
	l.one = cint(l.entry, 1);
	br(l.entry, l.head);
	l.item = iternext(l.head, it, l.body, l.done);
	binop(l.body, BINOP_ADD, l.item, l.one);
	br(l.body, l.head);
	return l;
}

static void test_iternext(IRModule *m, StrBuf *err)
{
	ForLoop l = for_loop(m, "for_ok");
	ret(l.done, cnone(l.done));
	CHECK_ERR(verifies(l.f, err), err);
	CHECK(l.body->idom == l.head && l.done->idom == l.head);
	CHECK(ir_dominates(l.head, l.body));
	CHECK(!ir_dominates(l.body, l.done));

	/* The item after the loop: the exhausted edge has none. */
	l = for_loop(m, "for_after");
	ret(l.done, l.item);
	CHECK_ERR(rejects(l.f, err, "verify: @for_after: bb3: ret: uses the item of"), err);

	/* The item in the header itself (before the iternext). */
	l = for_loop(m, "for_in_head");
	ret(l.done, cnone(l.done));
	Instr *use = mk(l.head, OP_UNARY, TY_OBJECT, 1, l.item);
	/* Keep the iternext last. */
	l.head->instrs.items[0] = use;
	l.head->instrs.items[1] = l.item;
	CHECK_ERR(rejects(l.f, err, "uses the item of"), err);

	/* The item as a phi arg: fine from the body, not from the header. */
	l = for_loop(m, "for_phi");
	{
		/* body -> latch -> head, with a phi in the latch. */
		Block *latch = ir_block_new(l.f, "for.latch");
		Instr *t = ir_terminator(l.body);
		t->succ[0] = latch;
		ir_add_pred(latch, l.body);
		l.head->preds.items[1] = latch;
		Instr *p = phi(latch, TY_OBJECT);
		ir_add_arg(l.f, p, l.item);
		Instr *t2 = mk(latch, OP_BR, TY_NONE, 0);
		t2->succ[0] = l.head;
		ret(l.done, cnone(l.done));
		CHECK_ERR(verifies(l.f, err), err);
	}
	l = for_loop(m, "for_phi_bad");
	{
		Instr *p = phi(l.done, TY_OBJECT);
		ir_add_arg(l.f, p, l.item);
		ret(l.done, p);
		CHECK_ERR(rejects(l.f, err, "is only available in blocks dominated by bb2"), err);
	}

	/* The item successor must have exactly one predecessor. */
	l = for_loop(m, "for_two_preds");
	ret(l.done, cnone(l.done));
	Block *extra = ir_block_new(l.f, "extra");
	br(extra, l.body);
	CHECK_ERR(rejects(l.f, err, "has 2 predecessors"), err);
}

static void test_not_dominated(IRModule *m, StrBuf *err)
{
	Diamond d = diamond(m, "undominated");
	ret(d.join, d.x1);
	CHECK_ERR(rejects(d.f, err, "verify: @undominated: bb3: ret: uses %2 from bb1, which does "
	                  "not dominate bb3"), err);

	/* Before its definition in the same block. */
	Function *f = ir_function_new(m, "use_before_def", NULL);
	Block *b = ir_block_new(f, "entry");
	Instr *x = cint(b, 1);
	Instr *y = binop(b, BINOP_ADD, x, x);
	Instr *z = binop(b, BINOP_ADD, x, x);
	y->args.items[1] = z;
	ret(b, y);
	CHECK_ERR(rejects(f, err, "uses %3 before its definition"), err);
}

static void test_phi_args(IRModule *m, StrBuf *err)
{
	Diamond d = diamond(m, "phi_args");
	d.p = phi(d.join, TY_INT);
	ir_add_arg(d.f, d.p, d.x1);
	ret(d.join, d.p);
	CHECK_ERR(rejects(d.f, err, "phi: has 1 args for 2 preds"), err);

	d = diamond(m, "phi_null");
	finish_diamond(&d);
	d.p->args.items[1] = NULL;
	CHECK_ERR(rejects(d.f, err, "operand 1 is NULL"), err);
}

static void test_no_terminator(IRModule *m, StrBuf *err)
{
	Function *f = ir_function_new(m, "noterm", NULL);
	Block *b = ir_block_new(f, "entry");
	cint(b, 1);
	CHECK_ERR(rejects(f, err, "verify: @noterm: bb0: block does not end with a terminator\n"),
	          err);

	f = ir_function_new(m, "empty", NULL);
	ir_block_new(f, "entry");
	CHECK_ERR(rejects(f, err, "verify: @empty: bb0: block has no terminator\n"), err);

	f = ir_function_new(m, "midterm", NULL);
	b = ir_block_new(f, "entry");
	Instr *x = cint(b, 1);
	ret(b, x);
	ret(b, x);
	CHECK_ERR(rejects(f, err, "terminator before the end of the block"), err);
}

static void test_unreachable(IRModule *m, StrBuf *err)
{
	Function *f = ir_function_new(m, "unreachable", NULL);
	Block *entry = ir_block_new(f, "entry");
	Block *dead = ir_block_new(f, "dead");
	Block *dead2 = ir_block_new(f, "dead2");
	ret(entry, cnone(entry));
	Instr *x = cint(dead, 1);
	br(dead, dead2);
	ret(dead2, x);
	CHECK_ERR(verifies(f, err), err);
	CHECK(entry->rpo == 0);
	CHECK(dead->rpo == -1 && dead2->rpo == -1);
	CHECK(dead->idom == NULL && dead2->idom == NULL);
	CHECK(!ir_dominates(entry, dead));
	CHECK(!ir_dominates(dead, dead2));
	CHECK(!ir_dominates(dead, entry));
	CHECK(ir_dominates(dead, dead));  /* reflexive, even unreachable */

	/* Still checked structurally. */
	cint(dead2, 2);
	CHECK_ERR(rejects(f, err, "bb2: block does not end with a terminator"), err);
}

/* An exceptional edge makes the handler reachable and dominated. */
static void test_handler(IRModule *m, StrBuf *err)
{
	Function *f = ir_function_new(m, "handler", NULL);
	Block *entry = ir_block_new(f, "entry");
	Block *body = ir_block_new(f, "try.body");
	Block *h = ir_block_new(f, "try.handler");
	Block *exit = ir_block_new(f, "try.end");
	br(entry, body);
	body->handler = h;
	mk(body, OP_CALL, TY_OBJECT, 1, mk(body, OP_BUILTIN, TY_FUNC, 0));
	br(body, exit);
	ret(h, mk(h, OP_CUR_EXC, TY_EXC, 0));
	ret(exit, cnone(exit));
	CHECK_ERR(verifies(f, err), err);
	CHECK(h->rpo > 0);
	CHECK(h->idom == body);
	CHECK(ir_dominates(body, h));
	CHECK(!ir_dominates(exit, h));
	CHECK(h->preds.len == 0);
}

static Function *simple(IRModule *m, const char *name, Block **b, Instr **x)
{
	Function *f = ir_function_new(m, name, NULL);
	*b = ir_block_new(f, "entry");
	*x = cint(*b, 1);
	return f;
}

static void test_structure(IRModule *m, StrBuf *err)
{
	Block *b;
	Instr *x;
	Function *f;

	f = simple(m, "dead_operand", &b, &x);
	ret(b, x);
	x->dead = true;
	CHECK_ERR(rejects(f, err, "operand 0 (%1) is dead"), err);

	f = simple(m, "replaced_operand", &b, &x);
	Instr *y = cint(b, 2);
	ret(b, x);
	x->replaced = y;
	CHECK_ERR(rejects(f, err, "was replaced by %2; run ir_compact"), err);

	Block *ob;
	Instr *other;
	simple(m, "other", &ob, &other);
	ret(ob, other);
	f = simple(m, "foreign_operand", &b, &x);
	ret(b, other);
	CHECK_ERR(rejects(f, err, "operand 0 (%1) belongs to @other"), err);

	f = simple(m, "not_a_value", &b, &x);
	Instr *st = mk(b, OP_STORE_GLOBAL, TY_NONE, 1, x);
	ret(b, st);
	CHECK_ERR(rejects(f, err, "is a store_global, which yields no value"), err);

	f = simple(m, "arity", &b, &x);
	ret(b, mk(b, OP_BINOP, TY_INT, 3, x, x, x));
	CHECK_ERR(rejects(f, err, "binop: has 3 operands, expects 2"), err);

	f = simple(m, "dict", &b, &x);
	ret(b, mk(b, OP_BUILD_DICT, TY_DICT, 3, x, x, x));
	CHECK_ERR(rejects(f, err, "expects key-value pairs"), err);

	f = simple(m, "kwargs", &b, &x);
	Instr *call = mk(b, OP_CALL, TY_OBJECT, 2, x, x);
	static const char *const kw[] = {"a", "b"};
	call->kwnames = kw;
	call->nkw = 2;
	ret(b, call);
	CHECK_ERR(rejects(f, err, "has 2 keyword arguments but 1 arguments"), err);
	call->nkw = 1;
	CHECK_ERR(verifies(f, err), err);

	f = simple(m, "cmp_type", &b, &x);
	ret(b, mk(b, OP_COMPARE, TY_INT, 2, x, x));
	CHECK_ERR(rejects(f, err, "cmp: yields int, not bool"), err);

	f = simple(m, "const_type", &b, &x);
	x->type = ty(f, TY_STR);
	ret(b, x);
	CHECK_ERR(rejects(f, err, "constant of type int has type str"), err);

	f = simple(m, "no_type", &b, &x);
	x->type = NULL;
	ret(b, x);
	CHECK_ERR(rejects(f, err, "%1: const: has no type"), err);

	f = simple(m, "dup_id", &b, &x);
	y = cint(b, 2);
	y->id = x->id;
	ret(b, binop(b, BINOP_ADD, x, y));
	CHECK_ERR(rejects(f, err, "value id 1 is also used in bb0"), err);

	f = simple(m, "bad_id", &b, &x);
	Instr *r = mk(b, OP_RET, TY_NONE, 1, x);
	r->id = 7;
	CHECK_ERR(rejects(f, err, "yields no value but has an id"), err);

	f = simple(m, "wrong_block", &b, &x);
	Block *b2 = ir_block_new(f, "next");
	br(b, b2);
	ret(b2, x);
	x->block = b2;
	CHECK_ERR(rejects(f, err, "its block field says bb1"), err);

	f = simple(m, "phi_in_instrs", &b, &x);
	Instr *p = ir_instr_new(f, OP_PHI, ty(f, TY_INT));
	p->block = b;
	instrvec_push(m->arena, &b->instrs, p);
	ret(b, x);
	CHECK_ERR(rejects(f, err, "phi among the instructions"), err);

	f = simple(m, "nonphi_in_phis", &b, &x);
	instrvec_push(m->arena, &b->phis, x);
	b->instrs.len = 0;
	ret(b, x);
	CHECK_ERR(rejects(f, err, "not a phi, but in the phi list"), err);

	/* preds: missing, extra, multiplicity */
	Diamond d = diamond(m, "missing_pred");
	finish_diamond(&d);
	d.join->preds.len = 1;
	d.p->args.len = 1;
	CHECK_ERR(rejects(d.f, err, "bb3: bb2 branches here but is not among its preds"), err);

	d = diamond(m, "extra_pred");
	finish_diamond(&d);
	ir_add_pred(d.then, d.els);
	CHECK_ERR(rejects(d.f, err, "bb1: pred bb2 does not branch here"), err);

	f = ir_function_new(m, "same_succ", NULL);
	b = ir_block_new(f, "entry");
	b2 = ir_block_new(f, "next");
	x = cint(b, 1);
	condbr(b, cbool(b, true), b2, b2);
	p = phi(b2, TY_INT);
	ir_add_arg(f, p, x);
	ir_add_arg(f, p, x);
	ret(b2, p);
	CHECK_ERR(verifies(f, err), err);
	b2->preds.len = 1;
	p->args.len = 1;
	CHECK_ERR(rejects(f, err, "bb0 branches here 2 times but is listed 1 times"), err);

	f = simple(m, "foreign_succ", &b, &x);
	Instr *t = mk(b, OP_BR, TY_NONE, 0);
	t->succ[0] = ob;
	CHECK_ERR(rejects(f, err, "br: successor 0 (bb0) is not a block of this function"), err);

	f = simple(m, "missing_succ", &b, &x);
	mk(b, OP_CONDBR, TY_NONE, 1, cbool(b, false));
	CHECK_ERR(rejects(f, err, "successor 0 is missing"), err);

	f = simple(m, "region", &b, &x);
	ret(b, x);
	Region *rg = arena_alloc(m->arena, sizeof *rg);
	rg->kind = RG_IF;
	rg->head = b;
	rg->exit = ob;
	regionvec_push(m->arena, &f->regions, rg);
	CHECK_ERR(rejects(f, err, "region 0: exit bb0 is not a block of this function"), err);

	f = simple(m, "foreign_handler", &b, &x);
	ret(b, x);
	b->handler = ob;
	CHECK_ERR(rejects(f, err, "handler bb0 is not a block of this function"), err);

	f = simple(m, "raise_args", &b, &x);
	mk(b, OP_RAISE, TY_NONE, 3, x, x, x);
	CHECK_ERR(rejects(f, err, "raise: has 3 operands, expects at most 2"), err);
}

/* A chain of 100k blocks: the walks must not recurse. */
static void test_big(IRModule *m, StrBuf *err)
{
	enum { N = 100000 };
	Function *f = ir_function_new(m, "big", NULL);
	Block *entry = ir_block_new(f, "entry");
	Instr *x = cint(entry, 1);
	Block *prev = entry;
	for (int k = 1; k < N; k++) {
		Block *b = ir_block_new(f, "chain");
		br(prev, b);
		prev = b;
	}
	ret(prev, x);
	CHECK_ERR(verifies(f, err), err);
	CHECK(prev->rpo == N - 1);
	CHECK(prev->idom == f->blocks.items[N - 2]);
	CHECK(ir_dominates(entry, prev));
	CHECK(!ir_dominates(prev, entry));
}

/* ---- random CFGs against a naive definition ---- */

static unsigned rng_state = 12345;
static unsigned rnd(unsigned n)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return (rng_state >> 16) % n;
}

/* Blocks reachable from the entry when `skip` is removed (-1: none). */
static void reach(Function *f, int skip, bool *out)
{
	int n = f->blocks.len, stack[64], sp = 0;
	memset(out, 0, (size_t)n);
	if (skip == 0)
		return;
	out[0] = true;
	stack[sp++] = 0;
	while (sp) {
		Block *b = f->blocks.items[stack[--sp]];
		Instr *t = ir_terminator(b);
		Block *succ[3] = {NULL, NULL, b->handler};
		for (int k = 0; t && k < ir_nsuccs(t); k++)
			succ[k] = t->succ[k];
		for (int k = 0; k < 3; k++)
			if (succ[k] && succ[k]->id != skip && !out[succ[k]->id]) {
				out[succ[k]->id] = true;
				stack[sp++] = succ[k]->id;
			}
	}
}

static void test_random(IRModule *m, StrBuf *err)
{
	int bad = 0;
	for (int round = 0; round < 400; round++) {
		Function *f = ir_function_new(m, "random", NULL);
		int n = 1 + (int)rnd(12);
		for (int k = 0; k < n; k++)
			ir_block_new(f, "b");
		for (int k = 0; k < n; k++) {
			Block *b = f->blocks.items[k];
			unsigned kind = rnd(4);
			if (kind == 0)
				ret(b, cnone(b));
			else if (kind == 1)
				br(b, f->blocks.items[rnd((unsigned)n)]);
			else
				condbr(b, cbool(b, true), f->blocks.items[rnd((unsigned)n)],
				       f->blocks.items[rnd((unsigned)n)]);
			if (rnd(5) == 0)
				b->handler = f->blocks.items[rnd((unsigned)n)];
		}
		if (!verifies(f, err)) {
			bad++;
			CHECK_ERR(false, err);
			continue;
		}
		bool all[12], without[12];
		reach(f, -1, all);
		for (int a = 0; a < n; a++) {
			Block *ba = f->blocks.items[a];
			if ((ba->rpo >= 0) != all[a])
				bad++;
			reach(f, a, without);
			for (int b = 0; b < n; b++) {
				Block *bb = f->blocks.items[b];
				bool want = a == b || (all[a] && all[b] && !without[b]);
				if (ir_dominates(ba, bb) != want)
					bad++;
			}
			/* idom: a strict dominator that every strict dominator dominates. */
			if (!all[a] || a == 0) {
				if (ba->idom)
					bad++;
				continue;
			}
			if (!ba->idom || ba->idom == ba || !ir_dominates(ba->idom, ba))
				bad++;
			else
				for (int c = 0; c < n; c++) {
					Block *bc = f->blocks.items[c];
					if (bc != ba && ir_dominates(bc, ba) && !ir_dominates(bc, ba->idom))
						bad++;
				}
		}
		/* RPO: every edge of the DFS goes forward except back edges to a
		 * dominator; at least check the numbers are a permutation. */
		int seen[12] = {0}, nr = 0;
		for (int k = 0; k < n; k++)
			if (all[k]) {
				nr++;
				int r = f->blocks.items[k]->rpo;
				if (r < 0 || r >= n || seen[r]++)
					bad++;
			}
		for (int r = 0; r < nr; r++)
			if (!seen[r])
				bad++;
	}
	CHECK(bad == 0);
}

static void test_module(IRModule *m, StrBuf *err)
{
	sb_clear(err);
	CHECK(!ir_verify_module(m, err));  /* the invalid functions above */
	CHECK(err->data && strstr(err->data, "@noterm"));

	Arena a;
	arena_init(&a);
	IRModule *good = ir_module_new(&a, "good.py");
	Diamond d = diamond(good, "<module>");
	finish_diamond(&d);
	ForLoop l = for_loop(good, "f");
	ret(l.done, cnone(l.done));
	sb_clear(err);
	CHECK_ERR(ir_verify_module(good, err), err);
	CHECK(err->len == 0);
	arena_free(&a);
}

int main(void)
{
	Arena a;
	arena_init(&a);
	IRModule *m = ir_module_new(&a, "test.py");
	StrBuf err;
	sb_init(&err);

	test_diamond(m, &err);
	test_loop(m, &err);
	test_iternext(m, &err);
	test_not_dominated(m, &err);
	test_phi_args(m, &err);
	test_no_terminator(m, &err);
	test_unreachable(m, &err);
	test_handler(m, &err);
	test_structure(m, &err);
	test_big(m, &err);
	test_random(m, &err);
	test_module(m, &err);

	sb_free(&err);
	arena_free(&a);
	printf("ir_unit_test: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
