/* verify.c: the invariants every pass relies on.
 *
 * Each violation is one line, `verify: @FUNC: bbN: %ID: op: message`,
 * leaving out the parts that do not apply (no block, no value id). Lines
 * go to `errors`, or to stderr when it is NULL.
 *
 * Structure is checked in every block; dominance only where the entry
 * reaches (rpo >= 0), after ir_fill_dominators. An instruction is looked
 * up by pointer in a table of the function's instructions, so a dangling
 * operand (removed from its block, or from another function) is reported
 * rather than followed. */
#include "ir/ir.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const type_names[] = {
#define X(k, s) s,
	IR_TYPES(X)
#undef X
};

typedef struct InstrInfo {
	const Instr *i;
	Block *b;       /* the block whose list holds it */
	int pos;        /* index in b->instrs; -1 in b->phis */
	int seq;        /* order met, walking the blocks as listed */
} InstrInfo;

typedef struct Pair { int a, b; } Pair;

typedef struct Verifier {
	Function *f;
	StrBuf *out;
	bool ok;
	Block **blocks;         /* f's blocks, sorted by address, unique */
	int nb;
	InstrInfo *instrs;      /* f's instructions, sorted by address, unique */
	int ni;
} Verifier;

static int cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)*(void *const *)a, y = (uintptr_t)*(void *const *)b;
	return x < y ? -1 : x > y;
}

static int cmp_pair(const void *a, const void *b)
{
	const Pair *x = a, *y = b;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return x->b < y->b ? -1 : x->b > y->b;
}

static int cmp_addr(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const InstrInfo *)a)->i, y = (uintptr_t)((const InstrInfo *)b)->i;
	return x < y ? -1 : x > y;
}

/* By address, then in the order met: the first listing comes first. */
static int cmp_info(const void *a, const void *b)
{
	const InstrInfo *x = a, *y = b;
	int c = cmp_addr(a, b);
	return c ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

/* The terminator, NULL when the block is open or ends in a NULL entry. */
static Instr *term_of(const Block *b)
{
	Instr *last = b->instrs.len ? b->instrs.items[b->instrs.len - 1] : NULL;
	return last && ir_is_terminator(last->op) ? last : NULL;
}

static void vreport(Verifier *v, const Block *b, const Instr *i, const char *fmt, va_list ap)
{
	StrBuf line;
	sb_init(&line);
	sb_printf(&line, "verify: @%s", v->f && v->f->name ? v->f->name : "?");
	if (b)
		sb_printf(&line, ": bb%d", b->id);
	if (i) {
		if (i->id != 0)
			sb_printf(&line, ": %%%d", i->id);
		if ((unsigned)i->op < OP_COUNT)
			sb_printf(&line, ": %s", ir_op_name(i->op));
	}
	sb_puts(&line, ": ");
	sb_vprintf(&line, fmt, ap);
	sb_putc(&line, '\n');
	if (v->out)
		sb_append(v->out, line.data, line.len);
	else
		fputs(line.data, stderr);
	sb_free(&line);
	v->ok = false;
}

static void report(Verifier *v, const Block *b, const Instr *i, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void report(Verifier *v, const Block *b, const Instr *i, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(v, b, i, fmt, ap);
	va_end(ap);
}

/* The block's index in v->blocks, -1 when it is not one of f's. */
static int bidx(const Verifier *v, const Block *b)
{
	if (!b)
		return -1;
	Block **hit = bsearch(&b, v->blocks, (size_t)v->nb, sizeof *v->blocks, cmp_ptr);
	return hit ? (int)(hit - v->blocks) : -1;
}

static const InstrInfo *lookup(const Verifier *v, const Instr *i)
{
	if (!i || v->ni == 0)
		return NULL;
	InstrInfo key = {.i = i};
	/* Compares by address only: entries are unique once deduplicated. */
	return bsearch(&key, v->instrs, (size_t)v->ni, sizeof *v->instrs, cmp_addr);
}

static const char *type_name(const Type *t)
{
	return (unsigned)t->kind <= TY_EXC ? type_names[t->kind] : "?";
}

static void check_succs(Verifier *v, Block *b, const Instr *in)
{
	for (int k = 0; k < ir_nsuccs(in); k++) {
		Block *s = in->succ[k];
		if (!s)
			report(v, b, in, "successor %d is missing", k);
		else if (bidx(v, s) < 0)
			report(v, b, in, "successor %d (bb%d) is not a block of this function", k, s->id);
	}
}

static void check_arity(Verifier *v, Block *b, const Instr *in)
{
	int na = in->args.len, lo = -1, hi = -1;
	switch (in->op) {
	case OP_BR: lo = hi = 0; break;
	case OP_CONDBR: case OP_ITERNEXT: case OP_RET: case OP_UNARY: case OP_GETATTR:
	case OP_STORE_GLOBAL: case OP_SLOT_STORE: case OP_CELL_LOAD: case OP_EXTRACT:
	case OP_UNPACK: case OP_ITER:
	case OP_COPY:
		lo = hi = 1;
		break;
	case OP_BINOP: case OP_COMPARE: case OP_GETITEM: case OP_DELITEM: case OP_SETATTR:
	case OP_CELL_STORE:
		lo = hi = 2;
		break;
	case OP_SETITEM: case OP_SLICE: lo = hi = 3; break;
	case OP_CALL: case OP_CALL_METHOD: lo = 1; break;
	case OP_RAISE: lo = 0; hi = 2; break;
	default: break;
	}
	if (lo >= 0 && lo == hi && na != lo)
		report(v, b, in, "has %d operands, expects %d", na, lo);
	else if (lo >= 0 && na < lo)
		report(v, b, in, "has %d operands, expects at least %d", na, lo);
	else if (hi >= 0 && na > hi)
		report(v, b, in, "has %d operands, expects at most %d", na, hi);
	if (in->op == OP_BUILD_DICT && na % 2 != 0)
		report(v, b, in, "has %d operands, expects key-value pairs", na);

	if (in->nkw < 0)
		report(v, b, in, "nkw is %d", in->nkw);
	if (in->op == OP_CALL || in->op == OP_CALL_METHOD || in->op == OP_CALL_DIRECT) {
		int ncall = in->op == OP_CALL_DIRECT ? na : na - 1;
		if (ncall < 0)
			ncall = 0;
		if (in->nkw > ncall)
			report(v, b, in, "has %d keyword arguments but %d arguments", in->nkw, ncall);
		if (in->nkw > 0 && !in->kwnames)
			report(v, b, in, "has %d keyword arguments but no kwnames", in->nkw);
	}
}

static void check_type(Verifier *v, Block *b, const Instr *in)
{
	if (!in->type) {
		report(v, b, in, "has no type");
		return;
	}
	if (in->op == OP_COMPARE && in->type->kind != TY_BOOL)
		report(v, b, in, "yields %s, not bool", type_name(in->type));
	if (in->op == OP_CONST) {
		TypeKind want;
		switch (in->imm.constant.kind) {
		case K_INT: want = TY_INT; break;
		case K_FLOAT: want = TY_FLOAT; break;
		case K_STR: want = TY_STR; break;
		case K_TRUE: case K_FALSE: want = TY_BOOL; break;
		case K_NONE: want = TY_NONE; break;
		default:
			report(v, b, in, "invalid constant kind %d", (int)in->imm.constant.kind);
			return;
		}
		if (in->type->kind != want)
			report(v, b, in, "constant of type %s has type %s", type_names[want],
			       type_name(in->type));
	}
}

/* Operands: present, alive, resolved, in f, values. */
static void check_operands(Verifier *v, Block *b, const Instr *in)
{
	for (int k = 0; k < in->args.len; k++) {
		const Instr *a = in->args.items[k];
		if (!a) {
			report(v, b, in, "operand %d is NULL", k);
			continue;
		}
		if (a->dead)
			report(v, b, in, "operand %d (%%%d) is dead", k, a->id);
		if (a->replaced)
			report(v, b, in, "operand %d (%%%d) was replaced by %%%d; run ir_compact", k,
			       a->id, a->replaced->id);
		if (!lookup(v, a)) {
			if (a->block && a->block->fn && a->block->fn != v->f)
				report(v, b, in, "operand %d (%%%d) belongs to @%s", k, a->id,
				       a->block->fn->name ? a->block->fn->name : "?");
			else
				report(v, b, in, "operand %d (%%%d) is not an instruction of this function",
				       k, a->id);
		} else if ((unsigned)a->op < OP_COUNT && !ir_has_value(a->op)) {
			report(v, b, in, "operand %d (%%%d) is a %s, which yields no value", k, a->id,
			       ir_op_name(a->op));
		}
	}
}

/* Dominance of the operands of a correctly placed instruction of a
 * reachable block: `pos` is its index in b->instrs, -1 for a phi. */
static void check_dominance(Verifier *v, Block *b, const Instr *in, int pos)
{
	for (int k = 0; k < in->args.len; k++) {
		const Instr *a = in->args.items[k];
		const InstrInfo *def = lookup(v, a);
		if (!def)
			continue;  /* reported with the operands */
		if (!def->b)
			continue;  /* a var out of SSA: copies assign it in many places */
		Block *d = def->b;
		Block *s0 = NULL;
		if (a->op == OP_ITERNEXT) {
			s0 = a->succ[0];
			if (!s0 || bidx(v, s0) < 0)
				continue;  /* reported with the iternext */
		}
		if (pos < 0) {
			if (k >= b->preds.len)
				break;  /* reported as an arity mismatch */
			Block *p = b->preds.items[k];
			if (bidx(v, p) < 0 || p->rpo < 0)
				continue;
			if (s0) {
				if (!ir_dominates(s0, p))
					report(v, b, in,
					       "arg %d from bb%d: the item of %%%d (iternext in bb%d) "
					       "is only available in blocks dominated by bb%d",
					       k, p->id, a->id, d->id, s0->id);
			} else if (d != p && !ir_dominates(d, p)) {
				report(v, b, in, "arg %d from bb%d: %%%d is defined in bb%d, which does "
				       "not dominate bb%d", k, p->id, a->id, d->id, p->id);
			}
		} else if (s0) {
			if (d == b || !ir_dominates(s0, b))
				report(v, b, in, "uses the item of %%%d (iternext in bb%d) outside the "
				       "blocks dominated by bb%d", a->id, d->id, s0->id);
		} else if (d == b) {
			if (def->pos >= pos)
				report(v, b, in, "uses %%%d before its definition", a->id);
		} else if (!ir_dominates(d, b)) {
			report(v, b, in, "uses %%%d from bb%d, which does not dominate bb%d", a->id,
			       d->id, b->id);
		}
	}
}

/* Each normal edge b->s must appear in s->preds as often as b branches
 * to s, and each entry of s->preds must stand for such an edge. */
static void check_preds(Verifier *v, bool *listed)
{
	Function *f = v->f;
	int ne = 0, np = 0, cape = 0, capp = 0;
	for (int k = 0; k < f->blocks.len; k++) {
		Block *b = f->blocks.items[k];
		if (!b || !listed[k])
			continue;
		Instr *t = term_of(b);
		cape += t ? ir_nsuccs(t) : 0;
		capp += b->preds.len;
	}
	Pair *edges = xmalloc((size_t)(cape ? cape : 1) * sizeof *edges);
	Pair *preds = xmalloc((size_t)(capp ? capp : 1) * sizeof *preds);
	for (int k = 0; k < f->blocks.len; k++) {
		Block *b = f->blocks.items[k];
		if (!b || !listed[k])
			continue;
		Instr *t = term_of(b);
		for (int e = 0; t && e < ir_nsuccs(t); e++) {
			int s = bidx(v, t->succ[e]);
			if (s >= 0)
				edges[ne++] = (Pair){s, bidx(v, b)};
		}
		for (int e = 0; e < b->preds.len; e++) {
			Block *p = b->preds.items[e];
			if (!p)
				report(v, b, NULL, "pred %d is NULL", e);
			else if (bidx(v, p) < 0)
				report(v, b, NULL, "pred %d (bb%d) is not a block of this function", e, p->id);
			else
				preds[np++] = (Pair){bidx(v, b), bidx(v, p)};
		}
	}
	qsort(edges, (size_t)ne, sizeof *edges, cmp_pair);
	qsort(preds, (size_t)np, sizeof *preds, cmp_pair);
	int i = 0, j = 0;
	while (i < ne || j < np) {
		Pair key;
		if (j >= np || (i < ne && cmp_pair(&edges[i], &preds[j]) <= 0))
			key = edges[i];
		else
			key = preds[j];
		int ce = 0, cp = 0;
		while (i < ne && cmp_pair(&edges[i], &key) == 0)
			i++, ce++;
		while (j < np && cmp_pair(&preds[j], &key) == 0)
			j++, cp++;
		Block *s = v->blocks[key.a], *p = v->blocks[key.b];
		if (cp == 0)
			report(v, s, NULL, "bb%d branches here but is not among its preds", p->id);
		else if (ce == 0)
			report(v, s, NULL, "pred bb%d does not branch here", p->id);
		else if (ce != cp)
			report(v, s, NULL, "bb%d branches here %d times but is listed %d times among its "
			       "preds", p->id, ce, cp);
	}
	free(preds);
	free(edges);
}

/* Out of SSA: a copy assigns one of the function's vars. */
static void check_copy(Verifier *v, Block *b, const Instr *in)
{
	if (!v->f->out_of_ssa) {
		report(v, b, in, "copy in a function in SSA form (only out-of-ssa makes copies)");
		return;
	}
	const InstrInfo *d = lookup(v, in->dest);
	if (!in->dest)
		report(v, b, in, "has no destination");
	else if (!d || d->b)
		report(v, b, in, "assigns %%%d, which is not one of the function's vars",
		       in->dest->id);
}

/* Out of SSA, the vars are argument-less phis kept in no block. */
static void check_vars(Verifier *v)
{
	Function *f = v->f;
	if (f->vars.len && !f->out_of_ssa)
		report(v, NULL, NULL, "has %d vars but is in SSA form", f->vars.len);
	for (int k = 0; k < f->vars.len; k++) {
		const Instr *x = f->vars.items[k];
		const InstrInfo *info = lookup(v, x);
		if (!x)
			report(v, NULL, NULL, "var %d is NULL", k);
		else if (!info || info->b)
			continue;  /* also listed in a block: reported there */
		else if (x->op != OP_PHI)
			report(v, NULL, x, "var is not a phi");
		else if (x->args.len != 0 || x->id <= 0)
			report(v, NULL, x, "var with %d operands and id %d; a var is a phi without "
			       "arguments", x->args.len, x->id);
	}
}

static void check_regions(Verifier *v)
{
	Function *f = v->f;
	for (int k = 0; k < f->regions.len; k++) {
		const Region *r = f->regions.items[k];
		if (!r) {
			report(v, NULL, NULL, "region %d is NULL", k);
			continue;
		}
		const Block *parts[] = {r->head, r->body, r->orelse, r->handlers, r->final, r->exit};
		static const char *const names[] = {"head", "body", "orelse", "handlers", "final",
		                                    "exit"};
		for (int p = 0; p < 6; p++)
			if (parts[p] && bidx(v, parts[p]) < 0)
				report(v, NULL, NULL, "region %d: %s bb%d is not a block of this function",
				       k, names[p], parts[p]->id);
	}
}

bool ir_verify_function(Function *f, StrBuf *errors)
{
	Verifier v = {.f = f, .out = errors, .ok = true};
	if (!f) {
		report(&v, NULL, NULL, "NULL function");
		return false;
	}
	int n = f->blocks.len;
	if (n == 0)
		report(&v, NULL, NULL, "function has no blocks");

	/* The block table; `listed` marks the first listing of each block. */
	v.blocks = xmalloc((size_t)(n ? n : 1) * sizeof *v.blocks);
	bool *listed = xcalloc((size_t)(n ? n : 1), sizeof *listed);
	for (int k = 0; k < n; k++) {
		Block *b = f->blocks.items[k];
		if (!b)
			report(&v, NULL, NULL, "blocks[%d] is NULL", k);
		else
			v.blocks[v.nb++] = b;
	}
	qsort(v.blocks, (size_t)v.nb, sizeof *v.blocks, cmp_ptr);
	int nb = 0;
	for (int k = 0; k < v.nb; k++)
		if (nb == 0 || v.blocks[nb - 1] != v.blocks[k])
			v.blocks[nb++] = v.blocks[k];
	v.nb = nb;
	bool *seen = xcalloc((size_t)(nb ? nb : 1), sizeof *seen);
	for (int k = 0; k < n; k++) {
		Block *b = f->blocks.items[k];
		if (!b)
			continue;
		int x = bidx(&v, b);
		if (seen[x]) {
			report(&v, b, NULL, "listed twice among the function's blocks");
			continue;
		}
		seen[x] = listed[k] = true;
		if (b->fn != f)
			report(&v, b, NULL, "block belongs to @%s", b->fn && b->fn->name ? b->fn->name : "?");
	}

	ir_fill_dominators(f);

	/* The instruction table: all[] in the order met, v.instrs by address. */
	int cap = 0;
	for (int k = 0; k < n; k++)
		if (listed[k])
			cap += f->blocks.items[k]->phis.len + f->blocks.items[k]->instrs.len;
	cap += f->vars.len;
	InstrInfo *all = xmalloc((size_t)(cap ? cap : 1) * sizeof *all);
	int nall = 0;
	for (int k = 0; k < n; k++) {
		if (!listed[k])
			continue;
		Block *b = f->blocks.items[k];
		for (int j = 0; j < b->phis.len; j++)
			if (b->phis.items[j])
				all[nall] = (InstrInfo){b->phis.items[j], b, -1, nall}, nall++;
		for (int j = 0; j < b->instrs.len; j++)
			if (b->instrs.items[j])
				all[nall] = (InstrInfo){b->instrs.items[j], b, j, nall}, nall++;
	}
	/* Out of SSA, the vars: in no block (b NULL, pos -2), listed after the
	 * blocks' instructions so a var also left in a block is reported
	 * there. */
	for (int j = 0; j < f->vars.len; j++)
		if (f->vars.items[j])
			all[nall] = (InstrInfo){f->vars.items[j], NULL, -2, nall}, nall++;
	v.instrs = xmalloc((size_t)(cap ? cap : 1) * sizeof *v.instrs);
	if (nall)
		memcpy(v.instrs, all, (size_t)nall * sizeof *all);
	qsort(v.instrs, (size_t)nall, sizeof *v.instrs, cmp_info);
	int ni = 0;
	for (int k = 0; k < nall; k++) {
		if (ni > 0 && v.instrs[ni - 1].i == v.instrs[k].i) {
			report(&v, v.instrs[k].b, v.instrs[k].i, "listed more than once in the function");
			continue;
		}
		v.instrs[ni++] = v.instrs[k];
	}
	v.ni = ni;

	/* Value ids: unique among the function's instructions. */
	Pair *ids = xmalloc((size_t)(ni ? ni : 1) * sizeof *ids);
	int nids = 0;
	for (int k = 0; k < ni; k++)
		if (v.instrs[k].i->id != 0)
			ids[nids++] = (Pair){v.instrs[k].i->id, v.instrs[k].seq};
	qsort(ids, (size_t)nids, sizeof *ids, cmp_pair);
	for (int k = 1; k < nids; k++)
		if (ids[k].a == ids[k - 1].a && !all[ids[k - 1].b].b)
			report(&v, all[ids[k].b].b, all[ids[k].b].i, "value id %d is also used by a var",
			       ids[k].a);
		else if (ids[k].a == ids[k - 1].a)
			report(&v, all[ids[k].b].b, all[ids[k].b].i, "value id %d is also used in bb%d",
			       ids[k].a, all[ids[k - 1].b].b->id);
	free(ids);
	free(all);

	/* Incoming edges of each block, normal and exceptional. */
	int *indeg = xcalloc((size_t)(nb ? nb : 1), sizeof *indeg);
	for (int k = 0; k < n; k++) {
		if (!listed[k])
			continue;
		Block *b = f->blocks.items[k];
		Instr *t = term_of(b);
		for (int e = 0; t && e < ir_nsuccs(t); e++)
			if (bidx(&v, t->succ[e]) >= 0)
				indeg[bidx(&v, t->succ[e])]++;
		if (bidx(&v, b->handler) >= 0)
			indeg[bidx(&v, b->handler)]++;
	}

	for (int k = 0; k < n; k++) {
		if (!listed[k])
			continue;
		Block *b = f->blocks.items[k];
		bool reach = b->rpo >= 0;
		if (b->handler && bidx(&v, b->handler) < 0)
			report(&v, b, NULL, "handler bb%d is not a block of this function", b->handler->id);
		for (int j = 0; j < b->phis.len + b->instrs.len; j++) {
			bool is_phi = j < b->phis.len;
			int pos = is_phi ? -1 : j - b->phis.len;
			Instr *in = is_phi ? b->phis.items[j] : b->instrs.items[pos];
			if (!in) {
				report(&v, b, NULL, "%s %d is NULL", is_phi ? "phi" : "instruction",
				       is_phi ? j : pos);
				continue;
			}
			if ((unsigned)in->op >= OP_COUNT) {
				report(&v, b, in, "invalid opcode %d", (int)in->op);
				continue;
			}
			const InstrInfo *info = lookup(&v, in);
			if (info->b != b || info->pos != pos)
				continue;  /* a duplicate, reported above */
			if (in->block != b)
				report(&v, b, in, "its block field says bb%d", in->block ? in->block->id : -1);
			bool placed = true;
			if (is_phi && in->op != OP_PHI) {
				report(&v, b, in, "not a phi, but in the phi list");
				placed = false;
			}
			if (!is_phi && in->op == OP_PHI) {
				report(&v, b, in, "phi among the instructions");
				placed = false;
			}
			if (!is_phi && ir_is_terminator(in->op) && pos != b->instrs.len - 1) {
				report(&v, b, in, "terminator before the end of the block");
				placed = false;
			}
			if (ir_has_value(in->op) && in->id <= 0)
				report(&v, b, in, "yields a value but has id %d", in->id);
			if (!ir_has_value(in->op) && in->id != 0)
				report(&v, b, in, "yields no value but has an id");
			if (ir_is_terminator(in->op))
				check_succs(&v, b, in);
			if (in->op == OP_PHI && f->out_of_ssa)
				report(&v, b, in, "phi left in a function out of SSA");
			if (in->op == OP_COPY)
				check_copy(&v, b, in);
			check_arity(&v, b, in);
			check_type(&v, b, in);
			if (in->op == OP_PHI && in->args.len != b->preds.len)
				report(&v, b, in, "has %d args for %d preds", in->args.len, b->preds.len);
			if (in->op == OP_ITERNEXT && bidx(&v, in->succ[0]) >= 0 &&
			    indeg[bidx(&v, in->succ[0])] != 1)
				report(&v, b, in, "its item successor bb%d has %d predecessors, needs "
				       "exactly one", in->succ[0]->id, indeg[bidx(&v, in->succ[0])]);
			check_operands(&v, b, in);
			if (reach && placed)
				check_dominance(&v, b, in, pos);
		}
		if (b->instrs.len == 0)
			report(&v, b, NULL, "block has no terminator");
		else if (b->instrs.items[b->instrs.len - 1] && !term_of(b))
			report(&v, b, NULL, "block does not end with a terminator");
	}

	check_preds(&v, listed);
	check_regions(&v);
	check_vars(&v);

	free(indeg);
	free(v.instrs);
	free(seen);
	free(listed);
	free(v.blocks);
	return v.ok;
}

bool ir_verify_module(IRModule *m, StrBuf *errors)
{
	if (!m)
		return false;
	bool ok = true;
	for (int k = 0; k < m->functions.len; k++) {
		Function *f = m->functions.items[k];
		if (!f) {
			StrBuf line;
			sb_init(&line);
			sb_printf(&line, "verify: functions[%d] is NULL\n", k);
			if (errors)
				sb_append(errors, line.data, line.len);
			else
				fputs(line.data, stderr);
			sb_free(&line);
			ok = false;
			continue;
		}
		if (!ir_verify_function(f, errors))
			ok = false;
	}
	return ok;
}
