//! One way to run a job off the UI thread: [`Task::spawn`] starts it on a thread of its own and
//! repaints the window when it ends; the frame that wants its result [`Task::take`]s it once;
//! [`Task::cancel`] asks the job (which checks its [`Cancel`]) to stop early. The dossier export,
//! the plan backgrounds and the viewer run as tasks; the portfolio scan, which reports as it
//! goes, keeps its channel.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// What a job checks to stop early when the user asked it to.
#[derive(Clone, Debug, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// The user asked the job to stop.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// A job running on its own thread, and its result once it ends.
pub struct Task<T> {
    result: Arc<Mutex<Option<T>>>,
    cancel: Cancel,
}

impl<T> Clone for Task<T> {
    fn clone(&self) -> Self {
        Self {
            result: Arc::clone(&self.result),
            cancel: self.cancel.clone(),
        }
    }
}

impl<T> std::fmt::Debug for Task<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Task")
            .field("is_cancelled", &self.cancel.is_cancelled())
            .finish_non_exhaustive()
    }
}

impl<T: Send + 'static> Task<T> {
    /// Runs `job` on a new thread; the window is repainted when it ends, so the frame that
    /// takes its result comes at once.
    pub fn spawn(ctx: &egui::Context, job: impl FnOnce(&Cancel) -> T + Send + 'static) -> Self {
        let task = Self {
            result: Arc::new(Mutex::new(None)),
            cancel: Cancel::default(),
        };
        let (result, cancel, ctx) = (Arc::clone(&task.result), task.cancel.clone(), ctx.clone());
        std::thread::spawn(move || {
            let done = job(&cancel);
            if let Ok(mut slot) = result.lock() {
                *slot = Some(done);
            }
            ctx.request_repaint();
        });
        task
    }
}

impl<T> Task<T> {
    /// The job's result, once it has ended; taken out, so it is given once.
    pub fn take(&self) -> Option<T> {
        self.result.lock().ok().and_then(|mut slot| slot.take())
    }

    /// Asks the job to stop early (it decides when it can).
    pub fn cancel(&self) {
        self.cancel.0.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_for<T>(task: &Task<T>) -> T {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        loop {
            if let Some(done) = task.take() {
                return done;
            }
            assert!(std::time::Instant::now() < deadline, "the task never ended");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn a_task_gives_its_result_once() {
        let ctx = egui::Context::default();
        let task = Task::spawn(&ctx, |_| 6 * 7);
        assert_eq!(wait_for(&task), 42);
        assert_eq!(task.take(), None, "given once");
    }

    #[test]
    fn a_cancelled_task_sees_it_and_stops_early() {
        let ctx = egui::Context::default();
        let (started, go) = std::sync::mpsc::channel::<()>();
        let task = Task::spawn(&ctx, move |cancel| {
            started.send(()).ok();
            let mut rounds = 0_u64;
            while !cancel.is_cancelled() && rounds < 1_000_000 {
                std::thread::sleep(std::time::Duration::from_millis(1));
                rounds += 1;
            }
            rounds
        });
        go.recv().expect("the job started");
        task.cancel();
        assert!(wait_for(&task) < 1_000_000, "it stopped when asked");
    }
}
