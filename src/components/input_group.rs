//! One panel of inputs, such as "The deal".

use leptos::prelude::*;

use super::input_row::InputRow;
use crate::model::{Group, INPUTS};

/// A fieldset with every input of `group`, in table order.
#[component]
pub fn InputGroup(group: Group) -> impl IntoView {
    view! {
        <fieldset class="group">
            <legend>{group.title()}</legend>
            {INPUTS
                .iter()
                .filter(move |s| s.group == group)
                .map(|spec| view! { <InputRow spec=spec/> })
                .collect_view()}
        </fieldset>
    }
}
