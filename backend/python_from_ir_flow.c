/* python_from_ir_flow.c: structured control flow rebuilt from Regions.
 *
 * The walk follows the blocks from the entry and rebuilds each `if`,
 * `while`, `for` and `with` from its Region (ir.h), comprehension loops
 * from their `comp.*` blocks, `and`/`or` tests from chains of condbr, and
 * `assert` and comprehension filters from a condbr whose one side raises
 * or continues. Any other shape (a try, a jump out of two loops, a test
 * with statements inside) stops it: there is no relooper to fall back on,
 * so the task is copied from the source instead.
 *
 * The same walk runs the holds analysis (python_from_ir.c): it carries the
 * state of the names along, splits it at branches, meets it where they
 * join, and iterates each loop until the state at its head settles. */
#include "backend/python_from_ir.h"

#include <stdio.h>
#include <stdlib.h>

/* ---- tests: a condbr chain as one and/or expression ---- */

static Block *through_crit(Block *b)
{
	if (pg_is_label(b, "crit_edge"))
		return ir_terminator(b)->succ[0];
	return b;
}

/* b stands for target t: it is t, or a crit_edge block on the way (whose
 * copies then run first in that branch), the same one every time. */
static bool reaches(Block *b, Block *t, Block **actual)
{
	if (b != t && through_crit(b) != t)
		return false;
	if (*actual && *actual != b)
		return false;
	*actual = b;
	return true;
}

static bool pure_test_block(PyGen *g, Block *b)
{
	if (b->preds.len != 1)
		return false;
	for (int k = 0; k < b->instrs.len - 1; k++) {
		Instr *i = b->instrs.items[k];
		if (!pg_in_range(g, i) || pg_is_stmt(g, i))
			return false;
	}
	Instr *t = ir_terminator(b);
	return t && t->op == OP_CONDBR && pg_in_range(g, t);
}

static bool build_test(PyGen *g, StrBuf *o, Block *x, Block *t, Block *f, Block **at,
                       Block **af, int depth)
{
	Instr *term = ir_terminator(x);
	if (!term || term->op != OP_CONDBR || depth > 64)
		return pg_fail(g, "a test is not a chain of and/or");
	Instr *c = term->args.items[0];
	Block *s0 = term->succ[0], *s1 = term->succ[1];
	Block *mt = *at, *mf = *af;
	if (reaches(s0, t, &mt) && reaches(s1, f, &mf)) {
		*at = mt, *af = mf;
		pg_expr(g, o, c, false);
		return true;
	}
	mt = *at, mf = *af;
	if (reaches(s0, f, &mf) && reaches(s1, t, &mt)) {
		*at = mt, *af = mf;
		sb_puts(o, "not ");
		pg_expr(g, o, c, true);
		return true;
	}
	bool i0 = s0 != t && s0 != f && pure_test_block(g, s0);
	bool i1 = s1 != t && s1 != f && pure_test_block(g, s1);
	mf = *af;
	if (i0 && reaches(s1, f, &mf)) {
		*af = mf;
		sb_putc(o, '(');
		pg_expr(g, o, c, false);
		sb_puts(o, ") and (");
		if (!build_test(g, o, s0, t, f, at, af, depth + 1))
			return false;
		sb_putc(o, ')');
		return true;
	}
	mt = *at;
	if (i1 && reaches(s0, t, &mt)) {
		*at = mt;
		sb_putc(o, '(');
		pg_expr(g, o, c, false);
		sb_puts(o, ") or (");
		if (!build_test(g, o, s1, t, f, at, af, depth + 1))
			return false;
		sb_putc(o, ')');
		return true;
	}
	if (i0 && i1) {
		/* (c or <s1 reaching s0>) and <s0>: s0 is where both meet */
		Block *m = s0, *dummy = NULL;
		sb_puts(o, "((");
		pg_expr(g, o, c, false);
		sb_puts(o, ") or (");
		if (!build_test(g, o, s1, m, f, &dummy, af, depth + 1))
			return false;
		sb_puts(o, ")) and (");
		if (!build_test(g, o, m, t, f, at, af, depth + 1))
			return false;
		sb_putc(o, ')');
		return true;
	}
	return pg_fail(g, "a test is not a chain of and/or");
}

/* ---- if ---- */

static bool emit_branch(PyGen *g, Block *from, Block *stop)
{
	g->depth++;
	size_t before = g->out->len;
	bool ok = from == stop || pg_emit_seq(g, from, stop);
	if (ok && g->out->len == before) {
		pg_indent(g);
		sb_puts(g->out, "pass\n");
	}
	g->depth--;
	g->dead = false;
	return ok;
}

static bool emit_if(PyGen *g, Region *r, Block *head)
{
	Block *t = r->body, *f = r->orelse ? r->orelse : r->exit, *at = NULL, *af = NULL;
	StrBuf test;
	sb_init(&test);
	pg_line_comment(g, ir_terminator(head));
	bool ok = build_test(g, &test, head, t, f, &at, &af, 0);
	if (ok) {
		pg_indent(g);
		sb_printf(g->out, "if %s:\n", test.data);
	}
	sb_free(&test);
	if (!ok)
		return false;
	int *s0 = pg_state_copy(g, g->state);
	if (!emit_branch(g, at, r->exit)) {
		free(s0);
		return false;
	}
	int *then_state = g->state;
	g->state = s0;
	if (af != r->exit) {
		pg_indent(g);
		sb_puts(g->out, "else:\n");
		if (!emit_branch(g, af, r->exit)) {
			free(then_state);
			return false;
		}
	}
	g->state = pg_state_meet(g, g->state, then_state);
	free(then_state);
	g->dead = !g->state;
	return true;
}

/* ---- loops ---- */

static bool head_has_statements(PyGen *g, Block *h)
{
	for (int k = 0; k < h->instrs.len - 1; k++)
		if (pg_is_stmt(g, h->instrs.items[k]) || !pg_in_range(g, h->instrs.items[k]))
			return true;
	return false;
}

/* Writes one pass of the loop (header, body, else) from the state at its
 * head; returns the states of its back edges in *cont and of the way out
 * in g->state. */
static bool loop_pass(PyGen *g, Region *r, Block *h, Block *exit, const int *entry,
                      const int *at_head, int **cont)
{
	Instr *term = ir_terminator(h);
	bool is_for = term->op == OP_ITERNEXT;
	Block *body = term->succ[0], *els = term->succ[1], *at = NULL, *af = NULL;
	StrBuf head;
	sb_init(&head);
	bool ok = true;
	free(g->state);
	if (is_for) {
		/* the iterable is evaluated once, before the loop */
		g->state = pg_state_copy(g, entry);
		Instr *it = term->args.items[0];
		sb_printf(&head, "for %s in ", g->home[term->id]);
		if (it->op == OP_ITER && g->fold[it->id])
			pg_expr(g, &head, it->args.items[0], false);
		else
			pg_expr(g, &head, it, false);
		free(g->state);
		g->state = pg_state_copy(g, at_head);
		at = body, af = els;
	} else {
		g->state = pg_state_copy(g, at_head);
		Block *f = r->orelse ? r->orelse : exit;
		sb_puts(&head, "while ");
		ok = build_test(g, &head, h, r->body, f, &at, &af, 0);
		if (ok && through_crit(af) != f && af != f)
			ok = pg_fail(g, "a while loop's test leaves it another way");
	}
	if (ok) {
		pg_line_comment(g, term);
		pg_indent(g);
		sb_printf(g->out, "%s:\n", head.data);
	}
	sb_free(&head);
	if (!ok)
		return false;
	int *out_state = pg_state_copy(g, g->state);   /* exhausted or false */
	if (is_for) {
		pg_transfer(g, term);
		if (g->bind[term->id]) {
			g->depth++;
			pg_put_bind(g, term);
			g->depth--;
		}
		if (!g->is_temp[term->id])
			pg_note_global(g, g->home[term->id]);
		pg_note_global(g, g->bind[term->id]);
	}
	PyLoop *lp = &g->loops[g->nloops++];
	*lp = (PyLoop){h, exit, NULL, NULL};
	g->dead = false;
	ok = emit_branch(g, at, h);
	lp = &g->loops[--g->nloops];
	/* the natural end of the body goes back to the head too */
	*cont = pg_state_meet(g, lp->cont, g->state);
	free(g->state);
	g->state = out_state;
	if (ok && af != exit) {
		pg_indent(g);
		sb_puts(g->out, "else:\n");
		ok = emit_branch(g, af, exit);
	}
	g->state = pg_state_meet(g, g->state, lp->brk);
	free(lp->brk);
	g->dead = !g->state;
	return ok;
}

static bool emit_loop(PyGen *g, Region *r, Block *h, Block *exit)
{
	if (g->nloops >= 63)
		return pg_fail(g, "loops nest too deeply");
	if (head_has_statements(g, h))
		return pg_fail(g, "a loop's head runs statements");
	int *entry = pg_state_copy(g, g->state);
	int *at_head = pg_state_copy(g, entry);
	StrBuf *out = g->out;
	StrBuf sink;
	sb_init(&sink);
	bool ok = true;
	int last_line = g->last_line;
	/* find the state at the head without writing anything */
	for (int round = 0; ok; round++) {
		int *cont = NULL;
		g->out = &sink;
		sb_clear(&sink);
		g->last_line = last_line;
		ok = loop_pass(g, r, h, exit, entry, at_head, &cont);
		int *next = pg_state_meet(g, pg_state_copy(g, entry), cont);
		free(cont);
		bool same = pg_state_equal(g, next, at_head);
		free(at_head);
		at_head = next;
		if (same)
			break;
		if (round > 50)
			ok = pg_fail(g, "names do not settle in a loop");
	}
	g->out = out;
	sb_free(&sink);
	g->last_line = last_line;
	int *cont = NULL;
	ok = ok && loop_pass(g, r, h, exit, entry, at_head, &cont);
	free(cont);
	free(entry);
	free(at_head);
	return ok;
}

/* ---- with ---- */

static bool emit_with(PyGen *g, Block *b, Instr *enter)
{
	Region *r = pg_region_at(g, b, RG_WITH, RG_WITH);
	if (!r || ir_terminator(b)->op != OP_BR || ir_terminator(b)->succ[0] != r->body ||
	    b->instrs.items[b->instrs.len - 2] != enter || g->nwiths >= 31)
		return pg_fail(g, "a with statement of an unusual shape");
	pg_line_comment(g, enter);
	pg_indent(g);
	sb_puts(g->out, "with ");
	pg_expr(g, g->out, enter->args.items[0], false);
	if (g->uses[enter->id] || !g->is_temp[enter->id])
		sb_printf(g->out, " as %s", g->home[enter->id]);
	sb_puts(g->out, ":\n");
	g->fold[enter->id] = false;
	pg_transfer(g, enter);
	if (!g->is_temp[enter->id])
		pg_note_global(g, g->home[enter->id]);
	g->withs[g->nwiths++] = enter->args.items[0];
	if (g->bind[enter->id]) {
		g->depth++;
		pg_put_bind(g, enter);
		g->depth--;
	}
	bool ok = emit_branch(g, r->body, r->exit);
	g->nwiths--;
	return ok;
}

/* ---- jumps ---- */

static PyLoop *innermost(PyGen *g)
{
	return g->nloops ? &g->loops[g->nloops - 1] : NULL;
}

static bool jump(PyGen *g, Block *t, Block *stop, Block **next)
{
	PyLoop *lp = innermost(g);
	*next = NULL;
	if (t == stop) {
		*next = t;
		return true;
	}
	if (lp && (t == lp->head || t == lp->exit)) {
		pg_indent(g);
		sb_puts(g->out, t == lp->head ? "continue\n" : "break\n");
		int **into = t == lp->head ? &lp->cont : &lp->brk;
		*into = pg_state_meet(g, *into, g->state);
		pg_set_dead(g);
		return true;
	}
	for (int k = 0; k + 1 < g->nloops; k++)
		if (t == g->loops[k].head || t == g->loops[k].exit)
			return pg_fail(g, "a jump out of more than one loop");
	*next = t;
	return true;
}

/* A block that only raises (an assert's failure). */
static bool raises_only(PyGen *g, Block *b)
{
	Instr *t = ir_terminator(b);
	return b->preds.len == 1 && t && t->op == OP_RAISE && pg_in_range(g, t);
}

/* A condbr with no region: `assert`, or a comprehension's filter. */
static bool emit_guard(PyGen *g, Instr *term, Block **next)
{
	PyLoop *lp = innermost(g);
	Block *s0 = term->succ[0], *s1 = term->succ[1];
	bool neg;
	Block *side, *rest;
	if (lp && (s1 == lp->head || s0 == lp->head)) {
		neg = s1 == lp->head, side = neg ? s1 : s0, rest = neg ? s0 : s1;
	} else if (raises_only(g, s1) || raises_only(g, s0)) {
		neg = raises_only(g, s1), side = neg ? s1 : s0, rest = neg ? s0 : s1;
	} else {
		return pg_fail(g, "a branch that is no recorded statement");
	}
	pg_line_comment(g, term);
	pg_indent(g);
	sb_puts(g->out, neg ? "if not " : "if ");
	pg_expr(g, g->out, term->args.items[0], true);
	sb_puts(g->out, ":\n");
	int *s = pg_state_copy(g, g->state);
	g->depth++;
	Block *after = NULL;
	bool ok;
	if (lp && side == lp->head)
		ok = jump(g, side, NULL, &after);
	else
		ok = pg_emit_seq(g, side, NULL);
	g->depth--;
	free(g->state);
	g->state = s;
	g->dead = false;
	*next = rest;
	return ok;
}

static bool emit_term(PyGen *g, Block *b, Block *stop, Block **next)
{
	Instr *t = ir_terminator(b);
	*next = NULL;
	switch (t->op) {
	case OP_BR:
		pg_line_comment(g, t);
		return jump(g, t->succ[0], stop, next);
	case OP_CONDBR: {
		Region *r = pg_region_at(g, b, RG_IF, RG_IF);
		if (!r)
			return emit_guard(g, t, next);
		if (!emit_if(g, r, b))
			return false;
		*next = g->dead ? NULL : r->exit;
		return true;
	}
	case OP_RET:
		if (g->f->is_module) {
			Instr *v = t->args.len ? t->args.items[0] : NULL;
			if (v && !(v->op == OP_CONST && v->imm.constant.kind == K_NONE))
				return pg_fail(g, "the module returns a value");
			pg_set_dead(g);
			return true;
		}
		pg_line_comment(g, t);
		pg_indent(g);
		sb_puts(g->out, "return");
		if (t->args.len && !g->f->is_genexp) {
			sb_putc(g->out, ' ');
			pg_expr(g, g->out, t->args.items[0], false);
		}
		sb_putc(g->out, '\n');
		pg_set_dead(g);
		return true;
	case OP_RAISE:
		pg_line_comment(g, t);
		pg_indent(g);
		sb_puts(g->out, "raise");
		if (t->args.len) {
			sb_putc(g->out, ' ');
			pg_expr(g, g->out, t->args.items[0], false);
		}
		if (t->args.len > 1) {
			sb_puts(g->out, " from ");
			pg_expr(g, g->out, t->args.items[1], false);
		}
		sb_putc(g->out, '\n');
		pg_set_dead(g);
		return true;
	case OP_UNREACHABLE:
		pg_set_dead(g);
		return true;
	default:
		return pg_fail(g, "a loop head outside its loop");
	}
}

/* Skips a statement before the task: to where it continues. */
static Block *skip_stmt(PyGen *g, Block *b)
{
	Instr *t = ir_terminator(b);
	if (t->op == OP_BR)
		return t->succ[0];
	for (int k = 0; k < g->f->regions.len; k++) {
		Region *r = g->f->regions.items[k];
		if (r->head == b && r->stmt == t->stmt)
			return r->exit;
	}
	if (t->op == OP_ITERNEXT && pg_is_label(b, "comp.head"))
		return t->succ[1];
	if (t->op == OP_CONDBR && raises_only(g, t->succ[1]))
		return t->succ[0];
	if (t->op == OP_CONDBR && raises_only(g, t->succ[0]))
		return t->succ[1];
	return NULL;
}

bool pg_emit_seq(PyGen *g, Block *b, Block *stop)
{
	while (b && b != stop && !g->dead) {
		if (++g->steps > 200000)
			return pg_fail(g, "the walk does not end");
		Instr *t = ir_terminator(b);
		if (!t)
			return pg_fail(g, "a block without terminator");
		if (g->task && t->stmt > g->last && (b->instrs.len == 1 ||
		                                     b->instrs.items[0]->stmt > g->last))
			return pg_end_stmt(g, -1);
		/* exceptions go to a handler: a try, which is not rebuilt */
		if (b->handler || pg_region_at(g, b, RG_TRY, RG_TRY))
			for (int k = 0; k < b->instrs.len; k++)
				if (pg_in_range(g, b->instrs.items[k]))
					return pg_fail(g, "try statements are not rebuilt");
		/* a loop starting here */
		Region *r = pg_region_at(g, b, RG_WHILE, RG_FOR);
		bool comp = !r && t->op == OP_ITERNEXT && pg_is_label(b, "comp.head");
		PyLoop *lp = innermost(g);
		if ((r || comp) && !(lp && lp->head == b)) {
			Block *exit = r ? r->exit : t->succ[1];
			if (g->task && t->stmt < g->first) {
				b = exit;
				continue;
			}
			if (!pg_in_range(g, t)) {
				b = skip_stmt(g, b);
				continue;
			}
			if (!emit_loop(g, r, b, exit))
				return false;
			b = exit;
			continue;
		}
		bool done = false;
		for (int k = 0; k < b->instrs.len - 1 && !done; k++) {
			Instr *i = b->instrs.items[k];
			if (!pg_in_range(g, i)) {
				if (g->task && i->stmt > g->last)
					return pg_end_stmt(g, -1);
				continue;
			}
			if (i->op == OP_WITH_ENTER) {
				if (!emit_with(g, b, i))
					return false;
				Region *w = pg_region_at(g, b, RG_WITH, RG_WITH);
				b = w->exit;
				done = true;
				break;
			}
			if (!pg_do_instr(g, i))
				return false;
		}
		if (done)
			continue;
		if (!pg_in_range(g, t)) {
			if (g->task && t->stmt > g->last)
				return pg_end_stmt(g, -1);
			b = skip_stmt(g, b);
			if (!b)
				return pg_fail(g, "cannot find where a statement before the task ends");
			continue;
		}
		if (!pg_end_stmt(g, t->stmt))
			return false;
		Block *next;
		if (t->op == OP_RET && g->f->is_module && !pg_end_stmt(g, -1))
			return false;
		if (!emit_term(g, b, stop, &next))
			return false;
		b = next;
	}
	return true;
}

