//! Saved scenarios: name, save, list, load, rename and delete, in this
//! browser's storage. Storage trouble is reported and never costs the
//! scenario in the address.

use leptos::prelude::*;

use crate::codec::given::decode_map;
use crate::codec::saved::{clean_name, decode_list, Saved, SavedList, LIST_MAX};
use crate::state::AppState;
use crate::web::serde_js::{from_json, to_json};
use crate::web::storage;

/// The storage key of the list.
const KEY: &str = "circular-compute:saved";

/// Reads the stored list; a problem becomes a message and an empty list.
fn load() -> (Vec<Saved>, Option<String>) {
    match storage::read(KEY) {
        Ok(None) => (Vec::new(), None),
        Ok(Some(text)) => match decode_list(&text, from_json) {
            Ok(list) => (list, None),
            Err(e) => (
                Vec::new(),
                Some(format!("{e} It will be replaced when you save.")),
            ),
        },
        Err(e) => (Vec::new(), Some(e.to_string())),
    }
}

/// The saved-scenarios panel.
#[component]
pub fn SavedScenarios() -> impl IntoView {
    view! {
        <details class="saved" data-testid="saved">
            <summary>"Saved scenarios"</summary>
            <SavedList/>
        </details>
    }
}

/// Saved scenarios as the page's first app shows them: the heading, and a
/// place the lower half fills with the list (`SavedList`), loaded when the
/// reader opens it.
pub fn shell() -> AnyView {
    view! {
        <details
            class="saved"
            data-testid="saved"
            on:toggle=move |ev| {
                let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
                if open {
                    crate::web::bridge::load_more();
                }
            }
        >
            <summary>"Saved scenarios"</summary>
            <div id=crate::web::bridge::SAVED_PLACE>
                <p class="more-wait">"Loading your saved scenarios…"</p>
            </div>
        </details>
    }
    .into_any()
}

/// The form and the list of saved scenarios.
#[component]
pub fn SavedList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let (initial, problem) = load();
    let list = RwSignal::new(initial);
    let (status, set_status) = signal(problem);
    let (name, set_name) = signal(String::new());
    let (renaming, set_renaming) = signal(None::<usize>);

    // Writes the list, keeping the in-page list even when storage fails.
    let store = move |next: Vec<Saved>, done: String| {
        list.set(next.clone());
        match storage::write(KEY, &to_json(&SavedList::new(&next))) {
            Ok(()) => set_status.set(Some(done)),
            Err(e) => set_status.set(Some(e.to_string())),
        }
    };
    let save = move || {
        let mut next = list.get_untracked();
        let n = next.len() + 1;
        let given = clean_name(&name.get_untracked());
        let label = if given.is_empty() {
            format!("Scenario {n}")
        } else {
            given
        };
        if next.len() >= LIST_MAX {
            set_status.set(Some(format!(
                "At most {LIST_MAX} scenarios can be saved; delete one first."
            )));
            return;
        }
        next.push(Saved {
            name: label.clone(),
            scenario: state.scenario_map(),
        });
        set_name.set(String::new());
        store(next, format!("Saved “{label}”."));
    };

    view! {
            <form
                class="save-form"
                on:submit=move |ev| {
                    ev.prevent_default();
                    save();
                }
            >
                <label for="save-name">"Name"</label>
                <input
                    id="save-name"
                    type="text"
                    data-testid="save-name"
                    maxlength="80"
                    placeholder="My scenario"
                    prop:value=move || name.get()
                    on:input=move |ev| set_name.set(event_target_value(&ev))
                />
                <button type="submit" class="button" data-testid="save">"Save"</button>
            </form>
            <p class="status" role="status" data-testid="saved-status">{move || status.get()}</p>
            <ul class="saved-list" data-testid="saved-list">
                {move || {
                    list.get()
                        .into_iter()
                        .enumerate()
                        .map(|(i, item)| {
                            let title = item.name.clone();
                            let scenario = item.scenario.clone();
                            let (load_label, rename_label, delete_label) = (
                                format!("Load “{}”", item.name),
                                format!("Rename “{}”", item.name),
                                format!("Delete “{}”", item.name),
                            );
                            view! {
                                <li>
                                    {move || {
                                        if renaming.get() != Some(i) {
                                            return view! { <span class="saved-name">{title.clone()}</span> }
                                                .into_any();
                                        }
                                        view! {
                                            <input
                                                type="text"
                                                class="rename"
                                                aria-label="New name"
                                                maxlength="80"
                                                prop:value=title.clone()
                                                on:change=move |ev| {
                                                    let new_name = clean_name(&event_target_value(&ev));
                                                    set_renaming.set(None);
                                                    if new_name.is_empty() {
                                                        return;
                                                    }
                                                    let mut next = list.get_untracked();
                                                    if let Some(s) = next.get_mut(i) {
                                                        s.name = new_name.clone();
                                                    }
                                                    store(next, format!("Renamed to “{new_name}”."));
                                                }
                                            />
                                        }
                                        .into_any()
                                    }}
                                    <button type="button" class="button" aria-label=load_label on:click={
                                        let scenario = scenario.clone();
                                        move |_| {
                                            state.load(decode_map(&scenario), true);
                                            set_status.set(Some("Loaded.".to_string()));
                                        }
                                    }>"Load"</button>
                                    <button type="button" class="button" aria-label=rename_label on:click=move |_| set_renaming.set(Some(i))>
                                        "Rename"
                                    </button>
                                    <button type="button" class="button" aria-label=delete_label on:click=move |_| {
                                        let mut next = list.get_untracked();
                                        if i < next.len() {
                                            let gone = next.remove(i);
                                            store(next, format!("Deleted “{}”.", gone.name));
                                        }
                                    }>"Delete"</button>
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
    }
}
