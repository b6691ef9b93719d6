package data

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"sync"
)

// writeConn is the one connection that Insert and the speakers refresh
// write through. A statement prepared on the pool is prepared again on
// whichever connection a transaction gets, and Insert's multi-row
// statements are big: on a connection of its own each is prepared once, and
// its page cache stays warm from batch to batch.
type writeConn struct {
	mu    sync.Mutex // one transaction at a time
	conn  *sql.Conn
	stmts stmtCache // prepared on conn
}

// writeTx runs fn in a write transaction (BEGIN IMMEDIATE) on the store's
// write connection, committing if fn returns nil. If fn fails or panics, or
// the commit fails, the transaction is rolled back and the connection
// discarded, so the next transaction starts on a fresh one with nothing left
// over.
func (s *Store) writeTx(ctx context.Context, fn func(w *writeConn) error) (err error) {
	w := &s.writer
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.conn == nil {
		if w.conn, err = s.db.Conn(ctx); err != nil {
			return err
		}
	}
	if _, err := w.conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		w.discard()
		return err
	}
	committed := false
	defer func() {
		if !committed {
			// Rolled back even when ctx was what failed.
			w.conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
			w.discard()
		}
	}()
	if err := fn(w); err != nil {
		return err
	}
	if _, err := w.conn.ExecContext(ctx, "COMMIT"); err != nil {
		return err
	}
	committed = true
	return nil
}

// stmt returns the statement for query on the write connection, preparing it
// the first time.
func (w *writeConn) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	return w.stmts.get(ctx, query, w.conn.PrepareContext)
}

// close closes the write connection's statements and gives the connection
// back to the pool; the next write takes one again. The caller holds mu.
func (w *writeConn) close() { w.closeAs(nil) }

// discard is close for a connection that failed: the driver connection is
// closed, not given back to the pool, whatever state it was left in.
func (w *writeConn) discard() { w.closeAs(driver.ErrBadConn) }

func (w *writeConn) closeAs(bad error) {
	w.stmts.close()
	if w.conn == nil {
		return
	}
	if bad != nil {
		// database/sql closes a connection that Raw reports bad
		w.conn.Raw(func(any) error { return bad })
	}
	w.conn.Close()
	w.conn = nil
}
