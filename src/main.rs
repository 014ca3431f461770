//! Entry point: installs the panic hook and mounts the calculator.

fn main() {
    circular_compute::web::panic::install();
    leptos::mount::mount_to_body(circular_compute::components::app::App);
}
