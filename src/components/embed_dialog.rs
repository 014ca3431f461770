//! The "Embed" dialog: choose view, controls, theme and height, see a live
//! preview, and copy the iframe snippet.

use leptos::prelude::*;

use crate::codec::embed::{embed_query, snippet, Presentation, Theme, View};
use crate::model::{sort_short, Input, INPUTS};
use crate::state::AppState;
use crate::web::clipboard::copy_text;
use crate::web::location::base;

/// The folder the page is served from, for absolute links in snippets.
fn folder() -> String {
    let page = base();
    match page.rfind('/') {
        Some(i) => page[..=i].to_string(),
        None => page,
    }
}

/// The Embed button alone, for the page's first app: the dialog is the
/// lower half's (`EmbedDialog` with `button=false`), which a click loads
/// if it is not there yet (`web::bridge::open_embed`).
pub fn embed_button() -> AnyView {
    view! {
        <button
            type="button"
            class="button"
            data-testid="embed-open"
            on:click=move |_| crate::web::bridge::open_embed()
        >
            "Embed"
        </button>
        <span id=crate::web::bridge::EMBED_WAIT class="status" role="status"></span>
        <span id=crate::web::bridge::EMBED_PLACE></span>
    }
    .into_any()
}

/// The Embed dialog, with its button unless `button` is false (the lower
/// half's, opened from the first app's button through the bridge).
#[component]
pub fn EmbedDialog(#[prop(optional)] no_button: bool) -> impl IntoView {
    let state = expect_context::<AppState>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let view_choice = RwSignal::new(View::All);
    let controls = RwSignal::new(Vec::<Input>::new());
    let theme = RwSignal::new(Theme::Auto);
    let height = RwSignal::new(Presentation::default().declared_height());
    let (status, set_status) = signal(None::<&'static str>);
    let (open, set_open) = signal(false);

    let chosen = move || Presentation {
        embed: true,
        view: view_choice.get(),
        controls: controls.get(),
        theme: theme.get(),
        pasted: false,
    };
    let query = move || embed_query(&state.share_query(), &chosen());
    // The height follows the view and the inputs; the blogger may set another after.
    let refit = move || height.set(untrack(chosen).declared_height());
    // The iframe's title names the deal when it is not the page's own.
    let title = move || {
        let deal = state.scenario.with(|s| s.deal());
        let view = view_choice.get().label();
        if deal.is_default() {
            format!("Circular compute: {view}")
        } else {
            format!(
                "Circular compute: {}, {}",
                deal.title,
                view.to_ascii_lowercase()
            )
        }
    };
    let code = move || snippet(&folder(), &query(), &title(), height.get());

    // The dialog's insides are built at its first opening, not at start-up
    // (no reader pays for them until one asks), and kept after. They are
    // mounted in place once, so no code to rebuild them is in the bundle.
    let contents = move || {
        view! {
            <div class="embed-grid">
                <div class="embed-options">
                    <label for="embed-view">"Show"</label>
                    <select
                        id="embed-view"
                        data-testid="embed-view"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let picked = View::NAMED.iter().find(|x| x.1 == v).map_or(View::All, |x| x.0);
                            view_choice.set(picked);
                            refit();
                        }
                    >
                        <option value="">"The whole calculator (compact)"</option>
                        {View::NAMED
                            .iter()
                            .map(|(_, key, label)| view! { <option value=*key>{*label}</option> })
                            .collect_view()}
                    </select>
                    <label for="embed-theme">"Theme"</label>
                    <select
                        id="embed-theme"
                        data-testid="embed-theme"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            theme.set(Theme::ALL.iter().find(|t| t.1 == v).map_or(Theme::Auto, |t| t.0));
                        }
                    >
                        {Theme::ALL
                            .iter()
                            .map(|(_, key)| view! { <option value=*key>{*key}</option> })
                            .collect_view()}
                    </select>
                    <label for="embed-height">"Height (px)"</label>
                    <input
                        id="embed-height"
                        type="number"
                        min="200"
                        max="4000"
                        step="10"
                        data-testid="embed-height"
                        prop:value=move || height.get().to_string()
                        on:input=move |ev| {
                            if let Ok(h) = event_target_value(&ev).parse::<u32>() {
                                height.set(h.clamp(200, 4000));
                            }
                        }
                    />
                    <fieldset class="embed-inputs">
                        <legend>"Inputs readers can move"</legend>
                        {INPUTS
                            .iter()
                            .map(|spec| {
                                let id = spec.id;
                                view! {
                                    <label class="check">
                                        <input
                                            type="checkbox"
                                            value=spec.key
                                            // Only this box changes its input's place in
                                            // `controls`, so its own state is the truth.
                                            on:change=move |_| {
                                                controls.update(|c| {
                                                    if let Some(i) = c.iter().position(|x| *x == id) {
                                                        c.remove(i);
                                                    } else {
                                                        c.push(id);
                                                        sort_short(c, |a, b| a < b);
                                                    }
                                                });
                                                refit();
                                            }
                                        />
                                        {spec.label}
                                    </label>
                                }
                            })
                            .collect_view()}
                    </fieldset>
                </div>
                <div class="embed-preview">
                    <p class="note">"Preview"</p>
                    // A new iframe for each change, and none while closed: changing an
                    // iframe's src would add entries to the page's history.
                    {move || {
                        open.get()
                            .then(|| {
                                view! {
                                    <iframe
                                        title="Embed preview"
                                        src=format!("?{}", query())
                                        style:height=move || format!("{}px", height.get())
                                    ></iframe>
                                }
                            })
                    }}
                </div>
            </div>
            <label for="embed-code">"Snippet"</label>
            <textarea id="embed-code" readonly rows="4" data-testid="embed-code" prop:value=move || if open.get() { code() } else { String::new() }></textarea>
            <div class="share">
                <button
                    type="button"
                    class="button primary"
                    data-testid="embed-copy"
                    on:click=move |_| {
                        copy_text(code(), move |ok| {
                            set_status.set(Some(if ok { "Snippet copied." } else { "Select the snippet and copy it." }))
                        })
                    }
                >
                    "Copy snippet"
                </button>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        if let Some(d) = dialog.get_untracked() {
                            d.close();
                        }
                    }
                >
                    "Close"
                </button>
                <span class="status" role="status">{move || status.get()}</span>
            </div>
        }
    };
    let built = StoredValue::new(false);
    let open_it = move || {
        if let Some(d) = dialog.get_untracked() {
            if !built.get_value() {
                built.set_value(true);
                let inside: web_sys::HtmlElement = d.clone().into();
                leptos::mount::mount_to(inside, contents).forget();
            }
            set_open.set(d.show_modal().is_ok());
        }
    };
    if no_button {
        // The dialog is in the page once this runs: answer the first
        // app's button after it is mounted.
        Effect::new(move |_| {
            if dialog.get().is_some() {
                crate::web::bridge::serve_embed(open_it);
            }
        });
    }

    view! {
        {(!no_button).then(|| view! {
            <button type="button" class="button" data-testid="embed-open" on:click=move |_| open_it()>
                "Embed"
            </button>
        })}
        <dialog
            node_ref=dialog
            class="embed-dialog"
            aria-labelledby="embed-title"
            data-testid="embed-dialog"
            on:close=move |_| set_open.set(false)
        >
            <h2 id="embed-title">"Embed this calculator"</h2>
        </dialog>
    }
}
