//! Entry point of the full page: installs the panic hook and mounts its
//! first app (the answer and the inputs; the lower half is `bin/more.rs`).

fn main() {
    circular_compute::web::panic::install();
    leptos::mount::mount_to_body(circular_compute::components::app::PageApp);
}
