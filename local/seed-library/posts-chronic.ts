import type { SeedPost } from './posts';

/** Seed posts: heart and circulation, diabetes and metabolism, mental health. */
export const POSTS_CHRONIC: readonly SeedPost[] = [
  {
    slug: 'high-blood-pressure',
    title: 'High blood pressure (hypertension): what the numbers mean and how to lower it',
    summary:
      'High blood pressure rarely causes symptoms but strains the heart and blood vessels. What the two numbers mean, everyday changes that help, and why regular checks and treatment matter.',
    category: 'heart-and-circulation',
    tags: ['blood-pressure', 'hypertension', 'heart', 'salt', 'lifestyle'],
    language: 'en',
    body: `Blood pressure is the force of blood pushing against the walls of your arteries. High blood pressure, also called hypertension, means that force stays higher than it should. Over time it can strain the heart, blood vessels, kidneys and eyes, and raise the risk of heart attack and stroke.

## What the numbers mean

A reading has two numbers, for example 120/80 mmHg:

- the **top number** (systolic) is the pressure when your heart beats
- the **bottom number** (diastolic) is the pressure when your heart rests between beats

Your doctor or nurse will tell you what range is right for you. Targets can differ with age and other conditions.

## Why it is called a silent condition

Most people with high blood pressure feel completely well. The only way to know is to have it measured. Many pharmacies and clinics offer checks, and some people are asked to check at home.

## Everyday changes that help

- **Eat less salt**: much of it is hidden in bread, ready meals, sauces and processed meats.
- **Eat plenty of fruit, vegetables and whole grains.**
- **Be active**: aim for regular movement that makes you a little out of breath, such as brisk walking.
- **Keep to a healthy weight.**
- **Cut down on alcohol** and stop smoking.
- **Sleep well and manage stress** where you can.

## Medicines

Some people also need medicine. Take it as prescribed, even when you feel well, and do not stop without talking to your doctor. If you think a medicine is causing side effects, speak to your doctor or pharmacist. Ask your pharmacist before taking cold remedies or anti-inflammatory painkillers, as some can raise blood pressure.

## When to get help

Book a check with your doctor or nurse if your home readings are often higher than the target you were given.

Get urgent same-day advice if you have a very high reading together with a severe headache, blurred vision, or feel unwell.

**Call your local emergency number (such as 999, 112 or 911)** if you have chest pain, sudden breathlessness, or signs of a stroke: face drooping, arm weakness, or slurred speech.`,
  },
  {
    slug: 'checking-blood-pressure-at-home',
    title: 'Checking your blood pressure at home: a step-by-step guide',
    summary:
      'Home readings help you and your clinician see your usual blood pressure. Choosing a monitor, getting an accurate reading, keeping a record, and what to do if a reading is very high or low.',
    category: 'heart-and-circulation',
    tags: ['blood-pressure', 'home-monitoring', 'monitor', 'readings'],
    language: 'en',
    body: `Blood pressure can rise in a clinic simply because people feel nervous there. Home readings give a fuller picture of your usual blood pressure and can help your doctor or nurse decide on treatment.

## Choosing a monitor

- Use an automatic upper-arm monitor that has been checked for accuracy (a pharmacist can advise).
- Make sure the cuff is the right size for your arm. A cuff that is too small or too large gives wrong readings.

## Getting an accurate reading

1. Avoid caffeine, smoking and exercise for 30 minutes before.
2. Empty your bladder, then sit quietly for five minutes with your back supported and feet flat on the floor.
3. Rest your arm on a table so the cuff is level with your heart. Put the cuff on bare skin, not over clothing.
4. Do not talk during the reading.
5. Take two readings, a minute or so apart, and write both down.

## How often

Your doctor or nurse may ask you to measure morning and evening for about a week before an appointment. Outside of that, checking every day is rarely needed and can cause worry.

## Keeping a record

- Write down the date, time and both numbers, plus your pulse if the monitor shows it.
- Bring your record, or the monitor itself, to appointments.
- One high reading on its own is not a reason to panic: look at the pattern.

## When to get help

Tell your doctor or nurse if your readings are often above the target you were given, or if they are often very low and you feel dizzy or faint when you stand up.

Get urgent same-day advice if you have a very high reading and a severe headache, blurred vision, confusion, or feel unwell.

**Call your local emergency number (such as 999, 112 or 911)** for chest pain, severe breathlessness, fainting, or signs of a stroke such as a drooping face, weakness in one arm or slurred speech. Do not wait to recheck your blood pressure first.`,
  },
  {
    slug: 'heart-attack-warning-signs',
    title: 'Heart attack: the warning signs and what to do straight away',
    summary:
      'A heart attack is a medical emergency. The common and less obvious signs (including in women and older people), why every minute counts, and what to do while you wait for help.',
    category: 'heart-and-circulation',
    tags: ['heart-attack', 'chest-pain', 'emergency', 'heart'],
    language: 'en',
    body: `A heart attack happens when the blood supply to part of the heart muscle is suddenly blocked. Without quick treatment the heart muscle can be damaged. Getting help fast saves lives and heart muscle.

## Common warning signs

- **chest pain or discomfort**: pressure, tightness, squeezing or heaviness in the centre of the chest that lasts more than a few minutes or comes and goes
- pain spreading to the arm (often the left), jaw, neck, back or tummy
- feeling short of breath
- sweating, feeling sick or being sick
- feeling light-headed, dizzy or an overwhelming sense of anxiety

## Less obvious signs

Not everyone has crushing chest pain. Women, older people and people with diabetes are more likely to have milder or unusual symptoms, such as breathlessness, indigestion-like discomfort, tiredness or feeling generally unwell. If something feels wrong, take it seriously.

## What to do

1. **Call your local emergency number (such as 999, 112 or 911) immediately.** Do not drive yourself to hospital.
2. Sit down and rest in a comfortable position, often half-sitting with the knees bent.
3. Follow the call handler's advice. They may ask whether you can take aspirin: only take it if they advise it, and not if you are allergic to it or have been told not to take it.
4. Unlock the door and keep your phone close.
5. If the person becomes unresponsive and is not breathing normally, start chest compressions. The call handler will guide you, and an automated external defibrillator (AED) can be used if one is nearby.

## Lowering your risk

Not smoking, staying active, eating well, keeping blood pressure, cholesterol and blood sugar under control, and keeping to a healthy weight all protect the heart.

## When to get help

**Call your local emergency number straight away** for chest pain or pressure lasting more than a few minutes, especially with breathlessness, sweating or feeling sick. It is always better to be checked and reassured than to wait.

If you have chest pain that comes on with exertion and settles with rest, even if it has gone now, see a doctor soon.`,
  },
  {
    slug: 'stroke-warning-signs',
    title: 'Stroke: recognise the signs fast and act immediately',
    summary:
      'A stroke is a brain attack and a medical emergency. How to use the FAST check, other sudden symptoms to know, why mini-strokes matter, and what to do while help is on its way.',
    category: 'heart-and-circulation',
    tags: ['stroke', 'fast', 'tia', 'brain', 'emergency'],
    language: 'en',
    body: `A stroke happens when the blood supply to part of the brain is cut off, by a clot or by bleeding. Brain cells start to die within minutes, so fast treatment makes a huge difference to recovery.

## Use the FAST check

- **F - Face**: has their face drooped on one side? Can they smile evenly?
- **A - Arms**: can they lift both arms and keep them there, or does one drift down?
- **S - Speech**: is their speech slurred or muddled, or can they not speak at all?
- **T - Time**: if you see any of these signs, call your local emergency number (such as 999, 112 or 911) straight away.

## Other sudden signs

- numbness or weakness on one side of the body, including a leg
- sudden loss or blurring of vision in one or both eyes
- sudden confusion or trouble understanding
- sudden dizziness, loss of balance or problems walking
- a sudden, very severe headache unlike any before

## What to do while you wait

1. Note the time the symptoms started, or when the person was last seen well. Doctors will need it.
2. Stay with them and keep them comfortable.
3. Do not give them anything to eat or drink: a stroke can affect swallowing.
4. If they become unresponsive, follow the call handler's instructions.

## Mini-strokes (TIA)

A transient ischaemic attack (TIA) causes the same symptoms, but they go away within minutes or hours. It is a warning sign that a full stroke may follow. Still call for emergency help, even if the symptoms have stopped.

## Lowering your risk

Controlling blood pressure, not smoking, staying active, limiting alcohol, and managing diabetes, cholesterol and an irregular heartbeat all lower the risk of stroke.

## When to get help

**Call your local emergency number immediately** if you notice any FAST sign or other sudden symptom above, even if it seems to be getting better. Do not wait to see if it passes, and do not drive the person to hospital yourself.`,
  },
  {
    slug: 'type-2-diabetes-basics',
    title: 'Type 2 diabetes: understanding it and living well',
    summary:
      'Type 2 diabetes means blood sugar runs too high. Common signs, what the HbA1c test shows, the everyday habits that help most, regular checks you should have, and warning signs to act on.',
    category: 'diabetes-and-metabolism',
    tags: ['diabetes', 'type-2-diabetes', 'blood-sugar', 'hba1c', 'lifestyle'],
    language: 'en',
    body: `Type 2 diabetes is a long-term condition in which the level of sugar (glucose) in the blood becomes too high. It happens when the body does not make enough insulin or does not respond to it properly. Over time, high blood sugar can damage the eyes, kidneys, nerves, feet, heart and blood vessels.

## Possible signs

Many people have no symptoms at first. Others notice:

- feeling very thirsty and peeing more often, especially at night
- feeling very tired
- losing weight without trying
- blurred vision
- cuts that heal slowly, or repeated infections such as thrush

## Tests your care team uses

A blood test called **HbA1c** shows your average blood sugar over the past two to three months. Your doctor or nurse will agree a target with you. Some people also check their sugar at home with a meter or sensor.

## Everyday habits that help

- **Eat well**: plenty of vegetables, whole grains, beans and lentils; fewer sugary drinks, sweets and refined carbohydrates.
- **Move more**: regular activity helps the body use insulin better.
- **Manage your weight**: for some people, losing weight can bring blood sugar back into a healthy range.
- **Stop smoking** and keep alcohol within safe limits.

## Medicines

Many people also need medicines, and some need insulin. Take them as prescribed and ask your pharmacist if you have questions about side effects or other medicines.

## Regular checks

Ask your care team about yearly checks of your eyes, feet, kidneys, blood pressure and cholesterol. These catch problems early.

## When to get help

Speak to your doctor or diabetes nurse if your readings are often above target, you are often thirsty and tired, or you have a wound on your foot.

Get urgent medical help if you are being sick and cannot keep fluids down, have tummy pain, fast or deep breathing, or are very drowsy, especially if your blood sugar is very high.

**Call your local emergency number (such as 999, 112 or 911)** if someone with diabetes is unconscious, having a fit, or too confused to swallow safely.`,
  },
  {
    slug: 'low-blood-sugar-hypoglycaemia',
    title: 'Low blood sugar (hypoglycaemia or a hypo): spotting and treating it',
    summary:
      'People who take insulin or some diabetes tablets can have a hypo when blood sugar drops too low. The warning signs, how to treat a hypo quickly, preventing the next one, and when to call for help.',
    category: 'diabetes-and-metabolism',
    tags: ['hypo', 'hypoglycaemia', 'low-blood-sugar', 'diabetes', 'insulin'],
    language: 'en',
    body: `Hypoglycaemia, often called a hypo, is when the level of sugar in your blood drops too low. It mainly affects people with diabetes who take insulin or certain diabetes tablets. Your care team will tell you the level at which to treat a hypo.

## Warning signs

Signs can come on quickly and differ between people:

- shaking, sweating or feeling hungry
- a fast or pounding heartbeat
- feeling anxious, irritable or tearful
- tingling lips
- blurred vision, tiredness or difficulty concentrating
- confusion, unusual behaviour, clumsiness or slurred speech, which can look like being drunk

Hypos can also happen during sleep, causing nightmares, sweating or a headache on waking.

## What to do

1. If you can, check your blood sugar.
2. Have a fast-acting sugary food or drink straight away, such as glucose tablets, a small glass of fruit juice or a non-diet fizzy drink. Follow the amount advised by your diabetes team.
3. Recheck after about 15 minutes. If you are still low, treat again.
4. Once you feel better, eat a snack or your next meal if it is due.

## Common causes

- missing or delaying a meal, or eating less carbohydrate than usual
- more exercise than usual
- drinking alcohol
- taking too much diabetes medicine

## Preventing hypos

- Carry hypo treatment with you at all times.
- Tell family, friends and colleagues what a hypo looks like and how to help.
- Check your sugar before driving and follow your local driving rules for diabetes.
- If you have hypos often, talk to your diabetes team: your medicines may need reviewing.

## When to get help

Contact your diabetes team if you have frequent hypos, or stop noticing the warning signs.

**Call your local emergency number (such as 999, 112 or 911)** if someone is unconscious, having a seizure, or too drowsy or confused to swallow safely. Do not put food or drink in their mouth. Place them on their side, and if they have an emergency glucagon kit and someone has been trained to use it, it can be given while you wait.`,
  },
  {
    slug: 'diabetes-foot-care',
    title: 'Foot care with diabetes: daily checks that protect your feet',
    summary:
      'Diabetes can reduce feeling and blood flow in the feet, so small injuries can turn serious. A simple daily foot check, footwear tips, and the foot problems that need urgent attention.',
    category: 'diabetes-and-metabolism',
    tags: ['diabetes', 'feet', 'foot-ulcer', 'neuropathy', 'footwear'],
    language: 'en',
    body: `Diabetes can damage the nerves and blood vessels in the feet. You may not feel a blister, cut or stone in your shoe, and wounds can heal slowly. Looking after your feet every day helps prevent ulcers and infections.

## Your daily foot check

Check both feet every day, in good light:

- look at the tops, soles, heels and between the toes
- look for cuts, blisters, cracks, redness, swelling, or colour changes
- feel for areas that are hotter or colder than usual
- use a mirror, or ask someone to help, if you cannot see your soles

## Everyday foot care

- Wash your feet daily in warm (not hot) water. Test the temperature with your elbow. Dry well, especially between the toes.
- Moisturise dry skin, but not between the toes.
- Cut nails straight across and file sharp edges. If this is difficult, ask a foot health professional.
- Do not treat corns or hard skin yourself with blades or corn plasters.
- Keep your feet away from hot water bottles, heaters and fires.

## Footwear

- Wear well-fitting shoes that do not rub, and check inside them for stones or rough seams before putting them on.
- Wear socks without tight tops, and change them daily.
- Avoid walking barefoot, even at home.

## Regular checks

Ask for a full foot check at least once a year. Your care team will tell you your risk level and how often you should be seen.

## When to get help

Contact your doctor, diabetes team or foot service the same day if you notice:

- a cut, blister or sore that is not healing, or any break in the skin
- redness, warmth or swelling
- discharge or a bad smell from a wound
- a change in the shape of your foot

**Call your local emergency number (such as 999, 112 or 911) or go to an emergency department** if your foot becomes very red, hot or swollen and you feel unwell or feverish, or part of the foot turns black or grey.`,
  },
  {
    slug: 'cholesterol-explained',
    title: 'Cholesterol explained: what your results mean and how to improve them',
    summary:
      'Cholesterol is a fat in the blood; too much of the wrong kind can clog arteries. The difference between LDL and HDL, what affects your levels, food and lifestyle changes, and when medicine is considered.',
    category: 'diabetes-and-metabolism',
    tags: ['cholesterol', 'ldl', 'hdl', 'statins', 'heart', 'diet'],
    language: 'en',
    body: `Cholesterol is a fatty substance carried in the blood. The body needs some, but too much of certain types can build up in the walls of the arteries, narrowing them and raising the risk of heart attack and stroke. High cholesterol does not usually cause symptoms, so a blood test is the only way to know.

## The main types

- **LDL cholesterol** is often called the harmful kind: too much can clog arteries.
- **HDL cholesterol** is often called the helpful kind: it carries cholesterol away to the liver.
- **Triglycerides** are another blood fat that can be raised by sugary foods, alcohol and excess weight.

Your doctor or nurse will explain your results alongside your overall risk, which also depends on age, blood pressure, smoking, diabetes and family history.

## What affects your levels

- foods high in saturated fat, such as fatty meat, butter, cheese, cakes and pastries
- being inactive or carrying extra weight
- smoking and drinking a lot of alcohol
- genes: some families have high cholesterol even with a healthy lifestyle

## Changes that help

- Swap saturated fats for unsaturated ones, such as olive or rapeseed oil, nuts and seeds.
- Eat more fibre: oats, beans, lentils, vegetables and fruit.
- Eat oily fish regularly if you eat fish.
- Be active most days.
- Stop smoking and keep alcohol low.

## Medicines

Some people are offered a cholesterol-lowering medicine, such as a statin, particularly if their overall risk is high. Your doctor will discuss the benefits and possible side effects with you. Take it as prescribed, and ask your pharmacist about other medicines or foods (such as grapefruit with some statins) that may interact.

## When to get help

Talk to your doctor if you have muscle pain, weakness or dark urine while taking a cholesterol medicine, or if high cholesterol or early heart disease runs in your family.

**Call your local emergency number (such as 999, 112 or 911)** if you have chest pain, or signs of a stroke such as a drooping face, arm weakness or slurred speech.`,
  },
  {
    slug: 'anxiety-and-panic',
    title: 'Anxiety and panic attacks: understanding them and finding calm',
    summary:
      'Everyone feels anxious sometimes, but constant worry or panic attacks can take over daily life. How anxiety shows up in body and mind, techniques to calm a panic attack, and where to get support.',
    category: 'mental-health',
    tags: ['anxiety', 'panic-attack', 'worry', 'breathing', 'mental-health'],
    language: 'en',
    body: `Anxiety is a feeling of worry, unease or fear. It is a normal reaction to stress and can even be helpful in short bursts. But when anxiety is strong, lasts a long time or stops you doing things you want to do, it is worth getting support.

## How anxiety can feel

- constant worrying, or feeling on edge
- trouble sleeping or concentrating
- a racing heart, fast breathing or feeling sick
- tense muscles, headaches or a churning stomach
- avoiding places or situations

## Panic attacks

A panic attack is a sudden rush of intense fear with strong physical symptoms: a pounding heart, shortness of breath, sweating, trembling, dizziness, or chest tightness. It can feel frightening, but panic attacks usually peak within about ten minutes and pass.

## Calming a panic attack

- Remind yourself that it will pass.
- Breathe slowly: in through the nose for a count of four, out through the mouth for a count of six.
- Focus on your senses: name five things you can see and four you can hear.
- Stay where you are if it is safe, rather than rushing away.

## Everyday steps that help

- Regular physical activity and time outdoors.
- Cutting down on caffeine and alcohol.
- Talking to someone you trust about your worries.
- Keeping a regular sleep routine.
- Self-help programmes and apps based on cognitive behavioural therapy (CBT).

## Treatment

Talking therapies such as CBT work well for many people. A doctor may also discuss medicine. You do not need to wait until things are severe to ask for help.

## When to get help

Speak to a doctor or a mental health service if anxiety lasts for weeks, affects your work, relationships or sleep, or you are using alcohol or drugs to cope.

Chest pain and breathlessness can also be signs of a heart or lung problem. If you are unsure, or this is the first time, get checked.

**Call your local emergency number (such as 999, 112 or 911) or a crisis line** if you feel you might harm yourself or cannot keep yourself safe.`,
  },
  {
    slug: 'low-mood-and-depression',
    title: 'Low mood and depression: recognising the signs and getting support',
    summary:
      'Feeling down now and then is part of life, but depression lasts longer and affects everything. Common signs, small steps that can help, treatments that work, and what to do if you feel unsafe.',
    category: 'mental-health',
    tags: ['depression', 'low-mood', 'sadness', 'mental-health', 'therapy'],
    language: 'en',
    body: `Everyone has times when they feel sad or low, often after a loss, stress or a big change. Being sad is not the same as being depressed. Low mood usually lifts within a couple of weeks. Depression is different: it lasts longer, feels heavier, and affects how you think, feel and cope with daily life. It is a common health condition, not a weakness, and it can be treated.

## Common signs

- feeling sad, empty or hopeless most of the day, nearly every day
- losing interest or enjoyment in things you used to like
- sleeping much more or much less than usual
- feeling tired and low on energy
- changes in appetite or weight
- finding it hard to concentrate or make decisions
- feeling worthless or guilty
- withdrawing from friends and family

## Small steps that can help

- Talk to someone you trust about how you feel.
- Keep a simple routine: getting up, eating and going to bed at regular times.
- Do a little activity each day, even a short walk.
- Set small, achievable goals.
- Limit alcohol, which can make low mood worse.

## Treatments

Talking therapies, such as cognitive behavioural therapy (CBT) or counselling, help many people. A doctor may also suggest medicine, which is taken as prescribed and reviewed regularly; do not stop an antidepressant suddenly without advice. Many people use a combination. Recovery takes time, and it is fine to try more than one approach.

## Supporting someone else

Listen without judging, encourage them to seek help, and keep in touch. Look after yourself too.

## When to get help

See a doctor or mental health service if low mood lasts more than two weeks, or is affecting your work, relationships or ability to look after yourself.

If you have thoughts of ending your life or harming yourself, you deserve help now: contact a crisis line, your doctor or an urgent mental health service today.

**Call your local emergency number (such as 999, 112 or 911)** if you or someone else is in immediate danger or has taken an overdose.`,
  },
  {
    slug: 'sleeping-better',
    title: 'Sleeping better: practical tips for insomnia and restless nights',
    summary:
      'Trouble falling or staying asleep is very common. Habits that support good sleep, what to do when you cannot sleep, why sleeping tablets are not a long-term fix, and when to see a doctor.',
    category: 'mental-health',
    tags: ['sleep', 'insomnia', 'tiredness', 'routine', 'snoring'],
    language: 'en',
    body: `Most adults need around seven to nine hours of sleep a night, though this varies. Insomnia means regularly having trouble falling asleep, staying asleep, or waking too early, and feeling tired during the day. Stress, worry, pain, shift work, caffeine and some medicines can all play a part.

## Habits that help

- **Keep regular times**: go to bed and get up at the same time every day, including weekends.
- **Wind down**: spend the last hour before bed doing something relaxing, such as reading or a warm bath.
- **Make the bedroom restful**: dark, quiet, cool and comfortable.
- **Limit screens** before bed, and keep phones out of reach.
- **Cut down on caffeine** after midday, and avoid heavy meals and alcohol late in the evening. Alcohol can help you drop off but disturbs sleep later in the night.
- **Be active** during the day, and get outside in daylight.
- **Avoid long naps**, especially late in the afternoon.

## If you cannot sleep

- If you have been awake for what feels like 20 minutes, get up and do something calm in dim light, then return to bed when sleepy.
- Avoid checking the clock.
- Write down worries or a to-do list earlier in the evening so they are off your mind.

## Sleeping tablets

Sleeping tablets are usually only suggested for short periods, because they can cause drowsiness the next day and dependence. A talking therapy for insomnia (CBT-I) is often the most effective long-term approach. Ask a pharmacist before trying over-the-counter sleep aids, especially if you take other medicines.

## When to get help

See a doctor if poor sleep has lasted for several weeks, is affecting your daily life, or if you:

- snore loudly and someone has noticed you stop breathing or gasp in your sleep
- feel very sleepy during the day, including while driving
- have low mood or anxiety alongside sleep problems

**Call your local emergency number (such as 999, 112 or 911)** if you feel so unwell that you might harm yourself.`,
  },
  {
    slug: 'stress-and-burnout',
    title: 'Stress and burnout: recognising the signs and looking after yourself',
    summary:
      'Some stress is part of life, but long-lasting stress can lead to exhaustion and burnout. How stress affects the body and mind, practical ways to manage it, and when to reach out for help.',
    category: 'mental-health',
    tags: ['stress', 'burnout', 'work', 'exhaustion', 'mental-health', 'carers'],
    language: 'en',
    body: `Stress is the body's response to pressure. In short bursts it can help you focus and rise to a challenge. When pressure goes on for a long time without a break, from work, money worries, caring for someone or health problems, it can wear you down. Burnout is a state of physical and emotional exhaustion that can follow long-term stress.

## Signs of too much stress

- feeling overwhelmed, irritable or unable to switch off
- trouble sleeping, or waking up tired
- headaches, muscle tension or an upset stomach
- eating, drinking or smoking more than usual
- finding it hard to concentrate or make decisions

## Signs of burnout

- feeling drained and empty most of the time
- feeling detached or cynical about your work or responsibilities
- feeling that nothing you do makes a difference

## Practical ways to manage stress

- **Name the pressures**: write down what is causing stress and which parts you can change.
- **Break tasks into smaller steps** and focus on one at a time.
- **Say no** to extra demands where you can, and ask for help.
- **Take regular breaks**, and protect time for rest and things you enjoy.
- **Move your body**: even a short walk can ease tension.
- **Keep in touch** with people who support you.
- **Try relaxation**: slow breathing, stretching or mindfulness.

## If you care for someone

Carers often put their own needs last. Ask about respite care, carer support groups and practical help, and tell your own doctor that you are a carer.

## When to get help

Talk to a doctor or a mental health service if stress is affecting your sleep, health, relationships or work for more than a few weeks, or if you are relying on alcohol or drugs to cope. An employer's occupational health or employee support service may also help.

Chest pain, palpitations or breathlessness should be checked by a professional.

**Call your local emergency number (such as 999, 112 or 911) or a crisis line** if you have chest pain, or if you have thoughts of harming yourself and feel unable to keep yourself safe.`,
  },
];
