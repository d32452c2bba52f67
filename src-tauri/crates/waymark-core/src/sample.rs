//! Sample maps: the realistic one a new library starts with, and synthetic ones of any size.

use crate::ids::PersonaId;
use crate::map::{Card, EmotionScore, EmotionState, JourneyMap, LaneKind, Persona, Timestamp};
use crate::templates::{lanes_of, stages_named};

/// What a card of the hand-written sample says besides its text.
#[derive(Clone, Copy)]
enum Fields {
    Plain,
    Channel(&'static str),
    Severity(u8),
    ImpactEffort(u8, u8),
    Metric(&'static str, &'static str),
}

/// One card of the hand-written sample: its stage (by column), lane kind, text and fields.
struct SampleCard {
    stage: usize,
    lane: LaneKind,
    text: &'static str,
    fields: Fields,
}

const fn card(stage: usize, lane: LaneKind, text: &'static str) -> SampleCard {
    with(stage, lane, text, Fields::Plain)
}

const fn with(stage: usize, lane: LaneKind, text: &'static str, fields: Fields) -> SampleCard {
    SampleCard {
        stage,
        lane,
        text,
        fields,
    }
}

use Fields::*;
use LaneKind::*;

// Every field is true to the story: the channel a touchpoint is met on, how bad each pain is,
// what each idea is worth, and measures a meal-kit business tracks, with their targets.
const SAMPLE_CARDS: &[SampleCard] = &[
    card(0, Actions, "Sees a friend's unboxing video on Instagram"),
    card(0, Actions, "Searches \"healthy meal kits near me\""),
    card(1, Actions, "Compares three meal-kit services side by side"),
    card(1, Actions, "Reads reviews about delivery reliability"),
    card(
        2,
        Actions,
        "Picks the family plan and enters a discount code",
    ),
    card(3, Actions, "Skips a week while on holiday"),
    card(3, Actions, "Contacts support about a missing ingredient"),
    card(
        4,
        Actions,
        "Shares a referral link in the school parents' chat",
    ),
    card(0, Thoughts, "Could this really save me time on weeknights?"),
    card(
        1,
        Thoughts,
        "Is it worth the price compared with the supermarket?",
    ),
    card(2, Thoughts, "What if the kids won't eat it?"),
    card(3, Thoughts, "Why is pausing so hard to find?"),
    card(4, Thoughts, "I'd recommend it if the credit is worth it"),
    with(0, Touchpoints, "Instagram ad", Channel("Instagram")),
    with(1, Touchpoints, "Comparison website", Channel("Website")),
    with(2, Touchpoints, "Checkout page", Channel("Website")),
    with(3, Touchpoints, "Support chat", Channel("Chat")),
    with(4, Touchpoints, "Referral programme email", Channel("Email")),
    card(2, Emotions, "\"Finally, one less thing to plan.\""),
    card(3, Emotions, "Frustrated after the second missing item"),
    with(
        1,
        PainPoints,
        "Plan sizes are confusing and prices hide the delivery fee",
        Severity(3),
    ),
    with(
        2,
        PainPoints,
        "Surprise delivery costs at checkout",
        Severity(5),
    ),
    with(
        3,
        PainPoints,
        "Long wait times in support chat",
        Severity(4),
    ),
    with(
        1,
        Opportunities,
        "A clear plan picker with the full weekly price",
        ImpactEffort(5, 2),
    ),
    with(
        3,
        Opportunities,
        "One-tap pause and skip in the app",
        ImpactEffort(4, 3),
    ),
    with(
        4,
        Opportunities,
        "Reward both friends when a referral orders twice",
        ImpactEffort(3, 2),
    ),
    with(1, Kpis, "Landing-page bounce rate", Metric("58%", "45%")),
    with(2, Kpis, "Checkout conversion", Metric("3.1%", "4.5%")),
    with(3, Kpis, "Monthly churn rate", Metric("9.5%", "6%")),
    with(4, Kpis, "Net Promoter Score", Metric("+21", "+35")),
    card(
        2,
        Backstage,
        "Payments team owns the checkout and discount codes",
    ),
    card(
        3,
        Backstage,
        "Warehouse picking checks each box against the order",
    ),
    card(
        0,
        Notes,
        "Interviews: 7 of 10 parents first heard of us from friends",
    ),
    card(
        3,
        Notes,
        "Churn peaks in weeks 3–5 (data from the last quarter)",
    ),
];

/// The map a new library starts with: a meal-kit subscription seen by a busy parent.
pub fn first_run_sample(now: Timestamp) -> JourneyMap {
    let mut map = JourneyMap::empty("Meal-kit subscription: first month", now);
    map.description =
        "How a busy parent discovers, buys and sticks with a weekly meal-kit subscription."
            .to_owned();
    let persona = Persona {
        id: PersonaId::random(),
        name: "Maya Okafor".to_owned(),
        role: "Working parent of two, 38, London".to_owned(),
        goals: "Healthy family dinners without planning every evening".to_owned(),
        needs: "Reliable deliveries, honest prices, recipes kids will eat".to_owned(),
        frustrations: "Hidden costs, missing items, subscriptions that are hard to pause"
            .to_owned(),
        quote: "I don't have time to think about dinner at 6 pm.".to_owned(),
        colour: "#d1495b".to_owned(),
        initials: String::new(),
    };
    let stage_names = [
        "Awareness",
        "Consideration",
        "Decision",
        "Retention",
        "Advocacy",
    ];
    map.stages = stages_named(&stage_names);
    // Every kind but a custom lane.
    map.lanes = lanes_of(&LaneKind::ALL[..LaneKind::ALL.len() - 1]);
    for sample in SAMPLE_CARDS {
        let stage_id = map.stages[sample.stage].id.clone();
        let Some(lane) = map.lanes.iter().find(|l| l.kind == sample.lane) else {
            continue;
        };
        let lane_id = lane.id.clone();
        let position = u32::try_from(map.cell_cards(&stage_id, &lane_id).len()).unwrap_or(0);
        let mut card = Card::new(stage_id, lane_id, position, sample.text);
        match sample.fields {
            Plain => {}
            Channel(channel) => card.channel = Some(channel.to_owned()),
            Severity(severity) => card.severity = Some(severity),
            ImpactEffort(impact, effort) => {
                (card.impact, card.effort) = (Some(impact), Some(effort))
            }
            Metric(value, target) => {
                card.metric_value = Some(value.to_owned());
                card.metric_target = Some(target.to_owned());
            }
        }
        map.cards.push(card);
    }
    let current = [1, 0, -1, -2, 1];
    let future = [1, 1, 2, 1, 2];
    let notes = [
        Some("Curious, a friend vouches for it"),
        None,
        Some("Anxious about hidden costs"),
        Some("Lowest point: missing items and slow support"),
        None,
    ];
    for (i, stage) in map.stages.iter().enumerate() {
        map.emotions.push(EmotionScore {
            persona_id: persona.id.clone(),
            stage_id: stage.id.clone(),
            state: EmotionState::Current,
            score: current[i],
            note: notes[i].map(str::to_owned),
        });
        map.emotions.push(EmotionScore {
            persona_id: persona.id.clone(),
            stage_id: stage.id.clone(),
            state: EmotionState::Future,
            score: future[i],
            note: None,
        });
    }
    map.personas.push(persona);
    crate::assign_order_keys(&mut map);
    map
}

const CHANNELS: [&str; 10] = [
    "Email",
    "Website",
    "Mobile app",
    "Phone",
    "Chat",
    "In-store",
    "Instagram",
    "TikTok",
    "Search",
    "Reviews",
];
const KPI_VALUES: [(&str, &str); 5] = [
    ("42%", "35%"),
    ("3.1%", "4.5%"),
    ("6.8%", "5%"),
    ("+21", "+35"),
    ("4.2/5", "4.5/5"),
];

/// Fills the fields a card of this lane kind carries, varied by `n`.
fn fill_lane_fields(card: &mut Card, kind: LaneKind, n: usize) {
    let rating = |k: usize| Some(u8::try_from(1 + (n + k) % 5).unwrap_or(3));
    match kind {
        Touchpoints => card.channel = Some(CHANNELS[n % CHANNELS.len()].to_owned()),
        PainPoints => card.severity = rating(2),
        Opportunities => {
            card.impact = rating(3);
            card.effort = rating(1);
        }
        Kpis => {
            let (value, target) = KPI_VALUES[n % KPI_VALUES.len()];
            card.metric_value = Some(value.to_owned());
            card.metric_target = Some(target.to_owned());
        }
        _ => {}
    }
}

const SYNTHETIC_PERSONAS: [(&str, &str, &str); 3] = [
    ("Alex Rivera", "Operations lead (user)", "#d1495b"),
    ("Priya Nair", "Procurement manager (buyer)", "#00798c"),
    ("Jonas Berg", "Finance director (approver)", "#edae49"),
];
const SYNTHETIC_STAGES: [&str; 6] = [
    "Awareness",
    "Consideration",
    "Decision",
    "Purchase",
    "Onboarding",
    "Retention",
];
const VERBS: [&str; 12] = [
    "Reads",
    "Compares",
    "Asks about",
    "Checks",
    "Shares",
    "Requests",
    "Reviews",
    "Calls about",
    "Searches for",
    "Downloads",
    "Books",
    "Questions",
];
const OBJECTS: [&str; 12] = [
    "pricing tiers",
    "a case study",
    "the security whitepaper",
    "delivery times",
    "the onboarding plan",
    "support hours",
    "a product demo",
    "contract terms",
    "integration options",
    "customer reviews",
    "the renewal quote",
    "training sessions",
];

/// A realistic synthetic map with `cards` cards: 6 stages, every lane kind, 3 personas and
/// their emotion curves. The same seed gives the same map (apart from ids).
pub fn synthetic(cards: usize, seed: u64, now: Timestamp) -> JourneyMap {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut map = JourneyMap::empty(&format!("Synthetic journey ({cards} cards)"), now);
    map.description = format!("Generated with seed {seed} for testing and benchmarks.");
    map.stages = stages_named(&SYNTHETIC_STAGES);
    map.lanes = lanes_of(&LaneKind::ALL);
    map.personas = SYNTHETIC_PERSONAS
        .iter()
        .map(|(name, role, colour)| Persona {
            id: PersonaId::random(),
            name: (*name).to_owned(),
            role: (*role).to_owned(),
            goals: "Choose a supplier the whole team trusts".to_owned(),
            needs: "Clear pricing and a quick start".to_owned(),
            frustrations: "Slow answers and surprise costs".to_owned(),
            quote: "Show me it works for teams like ours.".to_owned(),
            colour: (*colour).to_owned(),
            initials: String::new(),
        })
        .collect();
    let mut cell_sizes = vec![0u32; map.stages.len() * map.lanes.len()];
    for n in 0..cards {
        let stage = rng.usize(..map.stages.len());
        let lane = n % map.lanes.len();
        let cell = stage * map.lanes.len() + lane;
        let kind = map.lanes[lane].kind;
        let text = format!(
            "{} {} ({})",
            VERBS[rng.usize(..VERBS.len())],
            OBJECTS[rng.usize(..OBJECTS.len())],
            n + 1
        );
        let mut card = Card::new(
            map.stages[stage].id.clone(),
            map.lanes[lane].id.clone(),
            cell_sizes[cell],
            &text,
        );
        fill_lane_fields(&mut card, kind, rng.usize(..100));
        cell_sizes[cell] += 1;
        map.cards.push(card);
    }
    for persona in &map.personas {
        for stage in &map.stages {
            for state in [EmotionState::Current, EmotionState::Future] {
                map.emotions.push(EmotionScore {
                    persona_id: persona.id.clone(),
                    stage_id: stage.id.clone(),
                    state,
                    score: rng.i8(-2..=2),
                    note: None,
                });
            }
        }
    }
    crate::assign_order_keys(&mut map);
    map
}
