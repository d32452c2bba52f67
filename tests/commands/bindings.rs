//! The TypeScript the UI compiles against, generated from the Rust types that cross IPC and
//! from the domain's facts: a stale file fails this test. `UPDATE_BINDINGS=1` rewrites it.

use std::path::PathBuf;
use ts_rs::{Config, TS};

fn declare<T: TS>(cfg: &Config, out: &mut String) {
    if let Some(docs) = T::docs() {
        out.push_str(&docs);
        if !docs.ends_with('\n') {
            out.push('\n');
        }
    }
    out.push_str("export ");
    out.push_str(&T::decl(cfg));
    out.push_str("\n\n");
}

/// The whole generated file.
fn bindings() -> String {
    use waymark_app::commands::{library, pdf};
    use waymark_core as core;
    let cfg = Config::new().with_large_int("number");
    let mut out = String::from(
        "// Generated from the Rust types by tests/commands/bindings.rs: do not edit.\n\
         // `UPDATE_BINDINGS=1 cargo test --test commands bindings` writes it again.\n\n",
    );
    macro_rules! declare_all {
        ($($ty:ty),* $(,)?) => { $(declare::<$ty>(&cfg, &mut out);)* };
    }
    declare_all!(
        core::MapId,
        core::PersonaId,
        core::StageId,
        core::LaneId,
        core::CardId,
        core::JourneyMap,
        core::Persona,
        core::Stage,
        core::LaneKind,
        core::Lane,
        core::Card,
        core::EmotionState,
        core::EmotionScore,
        core::MapSummary,
        core::Op,
        waymark_store::Applied,
        waymark_store::HistoryStep,
        waymark_store::OpenedMap,
        waymark_store::TrashedMap,
        waymark_store::SearchKind,
        waymark_store::SearchHit,
        waymark_store::SearchResults,
        waymark_store::MapPreview,
        waymark_store::BackupContents,
        waymark_store::ErrorCode,
        waymark_library::ImportCheck,
        waymark_library::ImportRequest,
        waymark_library::BackupListing,
        waymark_library::Restored,
        waymark_library::PdfChoices,
        waymark_pdf::Preview,
        waymark_store::Made,
        waymark_store::Version,
        core::diff::Change,
        core::diff::Difference,
        waymark_app::commands::versions::Side,
        waymark_app::commands::versions::Compared,
        core::merge::Choice,
        core::merge::ConflictKind,
        core::merge::Conflict,
        waymark_library::MergeOffer,
        waymark_library::MergePreview,
        waymark_pdf::PageSketch,
        waymark_pdf::Shape,
        waymark_app::AppError,
        waymark_app::state::LibraryStatus,
        library::TemplateInfo,
        library::RestoreOutcome,
        pdf::PdfExported,
    );
    let ids: Vec<String> = waymark_app::menu::menu_ids()
        .iter()
        .map(|id| format!("\"{id}\""))
        .collect();
    out.push_str("/** The ids of the native menu's items, which the `menu` event carries. */\n");
    out.push_str(&format!(
        "export const MENU_IDS = [{}] as const;\nexport type MenuId = (typeof MENU_IDS)[number];\n\n",
        ids.join(", ")
    ));
    let domain = serde_json::to_string_pretty(&core::domain()).unwrap_or_default();
    out.push_str("/** The domain's facts: lane kinds, their titles and colours, every limit. */\n");
    out.push_str(&format!("export const DOMAIN = {domain} as const;\n"));
    out
}

#[test]
fn typescript_bindings_match_the_rust_types() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/ipc/bindings.ts");
    let generated = bindings();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} is stale: run UPDATE_BINDINGS=1 cargo test --test commands bindings",
        path.display()
    );
}
