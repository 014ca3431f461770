//! Leptos components, one per file. They only bind state and model data to
//! the DOM; every figure comes from [`crate::model`].

pub mod ab_compare;
pub mod app;
pub mod chart_downloads;
pub mod chart_panel;
pub mod compare_table;
pub mod data_table;
pub mod deal_network;
pub mod deal_picker;
pub mod downloads;
pub mod embed_dialog;
pub mod embed_tail;
pub mod embed_view;
pub mod figures;
pub mod flow_loop;
pub mod follow_the_money;
pub mod goal_seek;
pub mod how_sure;
pub mod input_group;
pub mod input_row;
pub mod jump_to_inputs;
pub mod key_strip;
pub mod lead;
pub mod more;
pub mod notices;
pub mod pin_bar;
pub mod plot;
pub mod preset_picker;
pub mod risk_chart;
pub mod saved_scenarios;
pub mod schedule_table;
pub mod share_bar;
pub mod slots;
pub mod takeaway;
pub mod tornado_panel;
pub mod working_view;
