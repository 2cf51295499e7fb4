#!/usr/bin/env python3
"""Generate the round-30 de-identification development set (typed documents).

Writes tests/nlp/data/deid_dev_round30a.jsonl (documents 1-25, tuning) and
tests/nlp/data/deid_dev_round30b.jsonl (documents 26-50, held out).  The two halves are filled from disjoint sets of
templates (the same document kinds in other layouts and wording), so 30b measures generalisation to unseen wording as
well as to unseen values.

Standard library only; a fixed seed makes every run byte-identical (no set or hash order is ever iterated).  Each
identifier and each medical term enters a template through a placeholder, so every offset is exact by construction.

Placeholders (in braces):
  p:ROLE:FORM      a person (NAME); ROLE names the person within the document, FORM how the name is written
  d:SPEC:FMT       a date (DATE); SPEC is a day offset from the document's date ("0", "-20", "+3") or "dob" / "dob2"
  age90:KEY        an age of 90 or more (AGE); "pt" is the patient's own age
  loc:KIND:KEY     a place (LOCATION); a fourth field "U" writes it in capitals
  addr:KEY zip:KEY street line (ADDRESS) and ZIP or ZIP+4 (ZIP)
  id:KIND:KEY      an identifier (ID)          ph:FMT:KEY  a phone, fax, pager or extension number (PHONE)
  email:ROLE / email:ROLE@KIND:KEY (EMAIL, at the domain of a place)   url:KIND:KEY (URL)   ip:KEY (IP)
  ssn:FMT (SSN)    plate:KEY, vin:KEY (VEHICLE)
  m:TEXT           a medical term that must be kept (goes to "medical")
  x:KIND           filler that is not PHI (clock time, bare year, age under 90, state)
  pr:ROLE:KEY      pronoun, courtesy title or kin word for a person (not PHI)
"""

import collections
import datetime
import json
import os
import random
import re
import sys
import unicodedata

SEED = 30_0417
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_A = os.path.join(ROOT, 'tests', 'nlp', 'data', 'deid_dev_round30a.jsonl')
OUT_B = os.path.join(ROOT, 'tests', 'nlp', 'data', 'deid_dev_round30b.jsonl')
PHI_TYPES = ('NAME', 'LOCATION', 'DATE', 'AGE', 'ID', 'PHONE', 'ADDRESS', 'ZIP', 'EMAIL', 'URL', 'IP', 'SSN',
             'VEHICLE')

# ---------------------------------------------------------------------------------------------------------------------
# Names.  Each origin: male given names, female given names, surnames (a pair where the surname has a male and a
# female form), optional middle names.
# ---------------------------------------------------------------------------------------------------------------------
ORIGINS = {
    'us': dict(
        m=['Travis', 'Dustin', 'Randall', 'Wayne', 'Douglas', 'Cody', 'Jeremy', 'Curtis', 'Garrett', 'Lonnie',
           'Marcus', 'Terrence', 'Bradley', 'Kenneth', 'Darnell', 'Clayton'],
        f=['Brittany', 'Tammy', 'Kimberly', 'Misty', 'Courtney', 'Shonda', 'Lorraine', 'Kayla', 'Brenda', 'Latoya',
           'Deborah', 'Heather', 'Carolyn', 'Shelby', 'Tasha', 'Marlene'],
        s=['Whitaker', 'Pruitt', 'Gentry', 'Holloway', 'Blevins', 'Dunham', 'Caldwell', 'Henderson', 'Jenkins',
           'Patterson', 'McKinney', 'Thibault', 'Ogletree', 'Satterfield', 'Honeycutt', 'Jefferson', 'Foley',
           'Murphy', 'Graves', 'Addison', 'Wilson', 'Barrett', 'Parkinson', 'Cushing']),
    'hispanic': dict(
        m=['José Luis', 'Rigoberto', 'Efraín', 'Jesús', 'Alejandro', 'Juan Carlos', 'Wilfredo', 'Heriberto',
           'Francisco', 'Osvaldo'],
        f=['María José', 'Yesenia', 'Maricela', 'Araceli', 'Xiomara', 'Guadalupe', 'Itzel', 'Lucía', 'Marisol',
           'Dulce María'],
        s=['García', 'Hernández', 'Ramírez', 'Castañeda', 'Ibarra', 'Villalobos', 'Quiñones', 'Zúñiga', 'Olmedo',
           'Peña', 'Salazar', 'Montoya', 'Becerra', 'Arreola', 'Ochoa', 'Cárdenas', 'de la Rosa', 'Echeverría']),
    'vietnamese': dict(
        m=['Minh', 'Tuan', 'Quang', 'Huy', 'Duc', 'Thanh', 'Khoa', 'Phuc'],
        f=['Lan', 'Thao', 'Ngoc Anh', 'Hanh', 'Mai', 'Phuong', 'Trang', 'Bich'],
        s=['Nguyen', 'Tran', 'Le', 'Pham', 'Huynh', 'Vo', 'Dang', 'Bui', 'Trinh', 'Do'],
        mid_m=['Van', 'Duc', 'Minh', 'Quoc'], mid_f=['Thi', 'Ngoc', 'Kim', 'Thu']),
    'chinese': dict(
        m=['Wei', 'Jianguo', 'Hao', 'Zhiwei', 'Guo-Ming', 'Kai', 'Chun'],
        f=['Xiaoling', 'Meihua', 'Yan', 'Lihua', 'Jing', 'Shu-Fen', 'Ying'],
        s=['Zhang', 'Liu', 'Chen', 'Huang', 'Zhao', 'Xu', 'Guo', 'Lin', 'Wong', 'Tsang', 'Lau', 'Ou-Yang']),
    'korean': dict(
        m=['Min-jun', 'Seung-ho', 'Jae-won', 'Dong-hyun', 'Sung-min'],
        f=['Ji-yeon', 'Soo-jin', 'Eun-ji', 'Hye-won', 'Mi-kyung'],
        s=['Kim', 'Choi', 'Jung', 'Kang', 'Yoon', 'Shin', 'Oh', 'Han', 'Seo', 'Hwang']),
    'hmong': dict(
        m=['Tou', 'Pao', 'Kou', 'Chue', 'Neng', 'Fue', 'Teng'],
        f=['Mai Yer', 'Pa Nhia', 'Bao', 'Kia', 'Nou', 'Xee', 'Yia'],
        s=['Vang', 'Xiong', 'Thao', 'Yang', 'Lor', 'Moua', 'Her', 'Vue', 'Hang', 'Kue']),
    'filipino': dict(
        m=['Rommel', 'Jericho', 'Marlon', 'Danilo', 'Ferdinand', 'Jun-Jun'],
        f=['Maricel', 'Rowena', 'Jocelyn', 'Lovely', 'Cherry Ann', 'Marites'],
        s=['dela Cruz', 'Bautista', 'Macapagal', 'Villanueva', 'Dimaculangan', 'Manalo', 'Pangilinan', 'Soriano',
           'Agbayani', 'Magbanua']),
    'nigerian': dict(
        m=['Chukwuemeka', 'Oluwaseun', 'Babatunde', 'Ikechukwu', 'Adebayo', 'Obinna'],
        f=['Ngozi', 'Folake', 'Chiamaka', 'Oluwakemi', 'Adaeze', 'Funmilayo'],
        s=['Okafor', 'Adeyemi', 'Nwosu', 'Okonkwo', 'Balogun', 'Eze', 'Ogunleye', 'Adebisi', 'Uzoma', 'Afolabi']),
    'ghanaian': dict(
        m=['Kwame', 'Kofi', 'Yaw', 'Kwabena', 'Kwaku'],
        f=['Akosua', 'Ama', 'Abena', 'Efua', 'Adwoa'],
        s=['Mensah', 'Asante', 'Owusu', 'Boateng', 'Acheampong', 'Osei', 'Appiah', 'Agyeman']),
    'ethiopian': dict(
        m=['Tesfaye', 'Dawit', 'Yohannes', 'Getachew', 'Mulugeta'],
        f=['Meseret', 'Tigist', 'Selamawit', 'Almaz', 'Hirut'],
        s=['Bekele', 'Haile', 'Tadesse', 'Gebremariam', 'Alemu', 'Wolde', 'Kebede', 'Girma']),
    'somali': dict(
        m=['Abdirahman', 'Mohamed', 'Abdullahi', 'Hassan', 'Abdiwali'],
        f=['Hodan', 'Fadumo', 'Ifrah', 'Sahra', 'Ayan'],
        s=['Warsame', 'Farah', 'Abdi', 'Hussein', 'Mohamud', 'Osman', 'Jama', 'Nur', 'Egal']),
    'arabic': dict(
        m=['Khalid', 'Omar', 'Yousef', 'Tariq', 'Samir', 'Bassam'],
        f=['Layla', 'Rania', 'Noor', 'Huda', 'Amira', 'Dalia'],
        s=['al-Hashimi', 'El-Sayed', 'Haddad', 'Nasser', 'Khoury', 'Abdel-Malek', 'Saleh', 'Darwish', 'Al-Masri',
           'Abu-Zahra']),
    'southasian': dict(
        m=['Rajesh', 'Arjun', 'Sandeep', 'Imran', 'Venkatesh', 'Harjit'],
        f=['Priya', 'Anjali', 'Lakshmi', 'Farzana', 'Gurpreet', 'Nusrat'],
        s=['Patel', 'Venkataraman', 'Chowdhury', 'Subramanian', 'Sandhu', 'Iyer', 'Banerjee', 'Reddy', 'Qureshi',
           'Siddiqui', 'Gill']),
    'polish': dict(
        m=['Krzysztof', 'Tomasz', 'Grzegorz', 'Wojciech', 'Zbigniew'],
        f=['Agnieszka', 'Małgorzata', 'Katarzyna', 'Bożena', 'Jadwiga'],
        s=[('Kowalski', 'Kowalska'), ('Wiśniewski', 'Wiśniewska'), ('Zieliński', 'Zielińska'),
           ('Wróbel', 'Wróbel'),
           ('Szymański', 'Szymańska'), ('Nowak', 'Nowak'), ('Grabowski', 'Grabowska'), ('Pawlak', 'Pawlak')]),
    'ukrainian': dict(
        m=['Taras', 'Oleksandr', 'Bohdan', 'Mykola', 'Yurii'],
        f=['Oksana', 'Halyna', 'Iryna', 'Nataliya', 'Olena'],
        s=['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachuk', 'Melnyk', 'Hrytsenko', 'Kravets']),
    'russian': dict(
        m=['Dmitri', 'Sergei', 'Aleksei', 'Vladimir', 'Anatoly'],
        f=['Svetlana', 'Ludmila', 'Yekaterina', 'Olga', 'Tatiana'],
        s=[('Volkov', 'Volkova'), ('Smirnov', 'Smirnova'), ('Kuznetsov', 'Kuznetsova'), ('Sokolov', 'Sokolova'),
           ('Lebedev', 'Lebedeva'), ('Morozov', 'Morozova')]),
    'irish': dict(
        m=['Declan', 'Seamus', 'Padraig', 'Cormac', 'Brendan', 'Eamon'],
        f=['Siobhan', 'Niamh', 'Aoife', 'Maeve', 'Bridget', 'Sinead'],
        s=["O'Sullivan", 'McGillicuddy', 'MacNamara', "O'Rourke", 'McElroy', "O'Dwyer", 'McCarthy', 'Donnelly',
           'Gallagher', 'MacDermott']),
    'italian': dict(
        m=['Salvatore', 'Vincenzo', 'Giuseppe', 'Carmine', 'Enzo'],
        f=['Giuseppina', 'Carmela', 'Rosaria', 'Antonella', 'Concetta'],
        s=["D'Amato", 'DiNapoli', 'De Luca', 'DeMarco', 'Esposito', 'Lombardi', "D'Orazio", 'Di Stefano',
           'Ruggiero', 'Pellegrino']),
    'dutchgerman': dict(
        m=['Pieter', 'Dieter', 'Joost', 'Klaus', 'Hendrik'],
        f=['Anneke', 'Liesbeth', 'Gretchen', 'Ingrid', 'Marijke'],
        s=['van der Meer', 'De Vries', 'vanden Heuvel', 'von Hagen', 'ter Horst', 'Van Wyk', 'Oberholtzer',
           'Vander Zee', 'Schreiber', 'Müller']),
    'french': dict(
        m=['Jean-Luc', 'Étienne', 'Rémy', 'Thibault', 'Lucien'],
        f=['Mireille', 'Solange', 'Geneviève', 'Céline', 'Odile'],
        s=['Thibodeaux', 'Boudreaux', 'LaFleur', 'St. Germain', 'Arceneaux', 'Dufresne', 'Lévesque', 'Bélanger']),
    'haitian': dict(
        m=['Wilner', 'Frantz', 'Jean-Robert', 'Dieuseul', 'Fritznel'],
        f=['Marie-Carmel', 'Nadège', 'Guerline', 'Rose-Mitha', 'Widline'],
        s=['Pierre-Louis', 'Jean-Baptiste', 'Désir', 'Toussaint', 'Dorvil', 'Charlemagne', 'Augustin', 'Célestin']),
    'native': dict(
        m=['Delbert', 'Lorenzo', 'Darrell', 'Harrison', 'Wendell'],
        f=['Winona', 'Loretta', 'Roberta', 'Cheyenne', 'Verna'],
        s=['Begay', 'Yazzie', 'Tsosie', 'Benally', 'Running Horse', 'Two Bulls', 'Old Crow', 'Whitehorse',
           'Iron Shell', 'Tsinajinnie']),
    'pacific': dict(
        m=['Keoni', 'Sione', 'Tavita', 'Manaia', 'Iosefa'],
        f=['Leilani', 'Malia', 'Lupe', 'Mele', 'Alofa'],
        s=['Fonoti', 'Tuilagi', 'Kahananui', 'Fifita', 'Taufa', 'Leota', 'Kealoha', 'Faleolo']),
    'greek': dict(
        m=['Konstantinos', 'Dimitrios', 'Spyros', 'Nikos', 'Stavros'],
        f=['Eleni', 'Despina', 'Vasiliki', 'Athanasia', 'Chrysoula'],
        s=['Papadopoulos', 'Karagiannis', 'Christodoulou', 'Mavromatis', 'Stathopoulos', 'Oikonomou']),
    'turkish': dict(
        m=['Mehmet', 'Emre', 'Burak', 'Oğuz', 'Serkan'],
        f=['Ayşe', 'Elif', 'Zeynep', 'Gülşen', 'Hatice'],
        s=['Yılmaz', 'Öztürk', 'Demir', 'Çelik', 'Aydın', 'Kılıç', 'Şahin']),
    'portuguese': dict(
        m=['João', 'Duarte', 'Rui', 'Tiago', 'Agostinho'],
        f=['Conceição', 'Fátima', 'Inês', 'Graça', 'Lurdes'],
        s=['Medeiros', 'Furtado', 'Pacheco', 'Sousa', 'Cabral', 'Raposo', 'Tavares', 'Amaral']),
}
# English words used as given names and surnames.
WORD_GIVEN_F = ['Iris', 'Hope', 'Faith', 'Grace', 'Joy', 'June', 'Dawn', 'Rose', 'Ruby', 'Pearl', 'Summer',
                'Destiny', 'Crystal', 'Amber', 'Holly', 'Ivy', 'Lily', 'Violet', 'Sky', 'Sunny', 'Charity', 'Autumn',
                'Precious', 'Blossom']
WORD_GIVEN_M = ['Will', 'Frank', 'Mark', 'Bill', 'Chase', 'Hunter', 'Cliff', 'Rusty', 'Buck', 'Glen', 'Dale',
                'Forrest', 'Sonny', 'Major', 'Royal', 'Hardy', 'Lucky', 'Ransom']
WORD_SURNAMES = ['Little', 'Marsh', 'Strong', 'White', 'Day', 'King', 'Long', 'Young', 'Moody', 'Sharp', 'Payne',
                 'Hand', 'Head', 'Baker', 'Cook', 'Hill', 'Wood', 'Brown', 'Black', 'Green', 'Rice', 'Fox', 'Wolf',
                 'Stone', 'Rivers', 'Snow', 'Frost', 'Winter', 'Love', 'Swift', 'Battle', 'Person', 'Cross',
                 'Church', 'Hall', 'Park', 'Lane', 'Ward', 'Bell', 'Banks', 'Waters', 'Fields', 'Wise', 'Hardy',
                 'Bright', 'Noble', 'Savage', 'Best', 'Sterling', 'Hope', 'Guy', 'Major', 'Rich', 'Gay', 'Short',
                 'Hart', 'Story', 'Case', 'Chance', 'Power', 'Page', 'Read', 'Means', 'Bliss', 'Goodwin', 'Justice',
                 'Mercy', 'Bland', 'Coffey', 'Glass', 'Lamb', 'Salmon', 'Crane', 'Sparrow']
WORD_NAME_TOKENS = frozenset(w.lower() for w in WORD_GIVEN_F + WORD_GIVEN_M + WORD_SURNAMES)
NICKS = {'Francisco': 'Pancho', 'Jesús': 'Chuy', 'Guadalupe': 'Lupita', 'Chukwuemeka': 'Emeka', 'Oluwaseun': 'Seun',
         'Babatunde': 'Tunde', 'Oluwakemi': 'Kemi', 'Abdirahman': 'Abdi', 'Oleksandr': 'Sasha', 'Yekaterina': 'Katya',
         'Vladimir': 'Vova', 'Małgorzata': 'Gosia', 'Salvatore': 'Sal', 'Giuseppe': 'Joe', 'Vincenzo': 'Vinnie',
         'Padraig': 'Paddy', 'Seung-ho': 'Steve', 'Konstantinos': 'Gus', 'Dimitrios': 'Jimmy', 'Kenneth': 'Kenny',
         'Bradley': 'Brad', 'Deborah': 'Debbie', 'Giuseppina': 'Pina', 'Wojciech': 'Wojtek', 'Concetta': 'Connie'}
GENERIC_NICKS = ['Bunny', 'Junior', 'Sonny', 'Peaches', 'Chip', 'Skip', 'Tiny', 'Boo', 'Red', 'Cookie', 'Duke',
                 'Lulu', 'Bear', 'Mimi', 'Bubba', 'Kiki', 'Pooh', 'Smitty', 'Tank', 'Dot']
SUFFIXES = ['Jr.', 'Sr.', 'III', 'II', 'Jr.']
MIDDLE_LETTERS = 'ABCDEFGHJKLMNPRSTW'
LANGUAGES = {'us': 'American Sign Language', 'hispanic': 'Spanish', 'vietnamese': 'Vietnamese',
             'chinese': 'Cantonese', 'korean': 'Korean', 'hmong': 'Hmong', 'filipino': 'Tagalog',
             'nigerian': 'Yoruba', 'ghanaian': 'Twi', 'ethiopian': 'Amharic', 'somali': 'Somali',
             'arabic': 'Arabic', 'southasian': 'Punjabi', 'polish': 'Polish', 'ukrainian': 'Ukrainian',
             'russian': 'Russian', 'irish': 'American Sign Language', 'italian': 'Italian',
             'dutchgerman': 'German', 'french': 'French', 'haitian': 'Haitian Creole', 'native': 'Navajo',
             'pacific': 'Samoan', 'greek': 'Greek', 'turkish': 'Turkish', 'portuguese': 'Portuguese'}
FOREIGN = [o for o in ORIGINS if LANGUAGES[o] != 'American Sign Language']
CARER_ROLES = ('{p:child', '{p:gchild', '{p:caller', '{p:proxy', '{p:poa', '{pr:child', '{pr:gchild')
COUNTRIES = {'hispanic': ['Mexico', 'Guatemala', 'El Salvador', 'Honduras', 'Puerto Rico'], 'vietnamese': ['Vietnam'],
             'chinese': ['China', 'Hong Kong', 'Taiwan'], 'korean': ['South Korea'], 'hmong': ['Laos', 'Thailand'],
             'filipino': ['Manila', 'Cebu'], 'nigerian': ['Nigeria'], 'ghanaian': ['Ghana'], 'ethiopian': ['Ethiopia'],
             'somali': ['Somalia', 'Kenya'], 'arabic': ['Syria', 'Iraq', 'Jordan', 'Egypt', 'Yemen'],
             'southasian': ['India', 'Pakistan', 'Bangladesh'], 'polish': ['Poland'], 'ukrainian': ['Ukraine'],
             'russian': ['Russia', 'Kazakhstan'], 'irish': ['Ireland'], 'italian': ['Italy'],
             'dutchgerman': ['Germany', 'Holland'], 'french': ['France', 'Canada'], 'haitian': ['Haiti'],
             'pacific': ['Samoa', 'Tonga', 'American Samoa'], 'greek': ['Greece', 'Cyprus'], 'turkish': ['Turkey'],
             'portuguese': ['Portugal', 'Brazil', 'Cape Verde']}
# Initials that would read as a credential, an abbreviation or a state are avoided for people.
BAD_INITIALS = frozenset('''XX MD DO RN PA NP OD PT OT ED OR IV PO GI ER MA HR BP DR SR JR PM AM CT MR MS NO OK IM SQ
    PR ID
    IT US OS OU RA LE RE AS AT BE HE ME WE GO SO TO UP IN ON IF IS OF BY MY NG HB DM CC LA GA AL CO DE FL HI IA IL KS
    KY MI MN MO MT NC ND NE NH NJ NM NV NY OH RI SC SD TN TX UT VA VT WA WI WV WY AK AR AZ DC SA NS OB EMS'''.split())

# Roles that are kin of the patient: role -> (kind, fixed sex or None).
FAMILY = {'spouse': ('spouse', None), 'child': ('child', None), 'child2': ('child', None), 'son': ('child', 'M'),
          'daughter': ('child', 'F'), 'sib': ('sib', None), 'parent': ('parent', None), 'mother': ('parent', 'F'),
          'father': ('parent', 'M'), 'gchild': ('gchild', None), 'nib': ('nib', None), 'cousin': ('cousin', None),
          'caller': ('child', None), 'proxy': ('child', None), 'poa': ('child', None)}
KIN_WORDS = {'spouse': ('husband', 'wife'), 'child': ('son', 'daughter'), 'sib': ('brother', 'sister'),
             'parent': ('father', 'mother'), 'gchild': ('grandson', 'granddaughter'), 'nib': ('nephew', 'niece'),
             'cousin': ('cousin', 'cousin')}
MALE_ROLES = ('sil', 'officer2')
FEMALE_ROLES = ('dil',)

# ---------------------------------------------------------------------------------------------------------------------
# Places and other values.
# ---------------------------------------------------------------------------------------------------------------------
WORD_TOWNS = ['Hope', 'Normal', 'Liberty', 'Paradise', 'Marshall', 'Florence', 'Friendship', 'Commerce',
              'Independence', 'Comfort', 'Harmony', 'Unity', 'Eureka', 'Bethel', 'Sterling', 'Energy', 'Industry',
              'Plain City', 'Mercy Hill', 'Fairplay', 'Welcome', 'Protection']
OTHER_TOWNS = ['Yakima', 'Gallup', 'Duluth', 'Saginaw', 'Lowell', 'Tupelo', 'Hattiesburg', 'Muskogee', 'Bemidji',
               'Laredo', 'Scranton', 'Brockton', 'Kalamazoo', 'Chillicothe', 'Decatur', 'Beaumont', 'Pueblo',
               'Harlow Springs', 'East Calloway', 'Millbrook', 'New Salem', 'Shady Grove', 'Brinkley Junction',
               'Wyndmoor', 'Cold Brook', 'Tallow Creek', 'Port Ardee', 'Grangeville', 'Dalton Ferry', 'Oak Bluff',
               'Minot', 'Opelousas', 'Fort Kent', 'Kenosha', 'Elk Grove Village']
LOCS = {
    'hosp': ['Riverbend Regional Medical Center', "St. Bridget's Hospital", 'Mercy Valley Hospital',
             'Good Shepherd Medical Center', 'Lakeshore General Hospital', 'Piedmont Crossing Hospital',
             'Pine Ridge Community Hospital', 'Cedar Bluff Regional Hospital', 'Harmon Memorial Hospital',
             'Tri-County Medical Center', 'Wexler University Hospital', 'Holy Family Hospital',
             'Prairie Star Medical Center', 'Kessling Memorial Hospital', 'Northgate Baptist Hospital',
             'Sandhill Regional Medical Center', 'Ashford Valley Hospital', 'Dunmore Community Hospital',
             'Copper Basin Medical Center', 'St. Anselm Medical Center', 'Magnolia Regional Health Center',
             'Evergreen Lutheran Hospital', 'Fairhaven VA Medical Center', 'Bayou Teche General Hospital',
             'Sisters of Providence Hospital', 'Ozark Highlands Medical Center', 'Lake Minnewaska Hospital'],
    'childhosp': ["Dunmore Children's Hospital", "Lurie-Whitcomb Children's Medical Center",
                  "St. Jude's Children's Hospital of the Plains", 'Shriners Hospital for Children - Twin Pines',
                  "Rainbow Babies & Children's of the Lakes"],
    'clinic': ['Oak Hollow Family Medicine', 'Eastside Community Health Center', 'Harbor Street Clinic',
               'Millbrook Internal Medicine', 'Little River Rural Health Clinic', 'Bluestem Family Practice',
               'Open Door Free Clinic', 'Prairie View Primary Care', 'Sycamore Family Health',
               'Cornerstone Internal Medicine',
               'Willowbend Medical Group', 'St. Luke Community Clinic'],
    'peds': ['Sunrise Pediatrics', 'Kinder Pediatric Partners', 'Little Sprouts Pediatrics',
             "Bayside Children's Clinic",
             'Tumbleweed Pediatric Associates'],
    'ortho': ['Clearwater Orthopedic & Sports Medicine', 'Lakeview Hand Surgery', 'Tamarack Pain & Spine',
              'Redstone Bone & Joint', 'Summit Hand Center', 'Prairie Spine Institute'],
    'neuro': ['Bridgewater Neurology Associates', 'Piedmont Movement Disorders Clinic', 'Northwoods Neurology'],
    'gi': ['Heritage Gastroenterology', 'Digestive Health Partners of the Valley', 'Mesa Gastroenterology Associates'],
    'rheum': ['Cottonwood Rheumatology', 'Arthritis & Osteoporosis Center of the Plains', 'Blue Ridge Rheumatology'],
    'endo': ['Granite Peak Endocrinology', 'Lakeside Diabetes & Endocrine', 'Thyroid & Metabolic Associates'],
    'pulm': ['Westfield Pulmonary Clinic', 'North Shore Allergy & Asthma', 'Breathe Easy Lung Center'],
    'anticoag': ['Sweetwater Anticoagulation Clinic', 'Coumadin Clinic at Pine Hill', 'Three Rivers INR Clinic'],
    'urgent': ['Stonebridge Urgent Care', 'QuickCare Walk-In Clinic', 'FastMed Urgent Care of Eastgate'],
    'therapy': ['Apex Physical Therapy', 'Bayfront Hand Therapy', 'Motion Works PT', 'Riverstone Rehab & Wellness'],
    'occmed': ['WorkWell Occupational Medicine', 'Industrial Health Partners', 'Employee Health Services at Millbrook'],
    'travel': ['Globe Travel Medicine', 'Passport Health of the Valley', 'Wayfarer Travel Clinic'],
    'eye': ['Clear Sight Optometry', 'Valley Eye Associates', 'Northside Vision Center', 'Lakeside Eye Care',
            'Summit Retina Consultants', 'Bright Eyes Family Optometry', 'Horizon Glaucoma Institute'],
    'dental': ['Smile Harbor Family Dentistry', 'Parkway Oral & Maxillofacial Surgery', 'Brightwater Dental Group',
               'Gentle Touch Pediatric Dentistry', 'Canyon View Endodontics', 'Meadowbrook Dental Care'],
    'pharmchain': ['CVS Pharmacy', 'Walgreens', 'Rite Aid', 'Kroger Pharmacy', 'Walmart Pharmacy', 'H-E-B Pharmacy',
                   'Hy-Vee Pharmacy', 'Publix Pharmacy', 'Safeway Pharmacy', 'Costco Pharmacy'],
    'pharmind': ["Bell's Corner Drug", 'Main Street Apothecary', 'Medicine Shoppe of Millbrook',
                 'Reliable Family Pharmacy', 'Good Neighbor Pharmacy', 'Carter & Sons Drug Store'],
    'snf': ['Willow Creek Nursing & Rehabilitation', 'The Gardens at Sandy Hollow', 'Crestview Manor',
            "Saint Joseph's Home for the Aged", 'Meadowlark Senior Living', 'Autumn Ridge Care Center',
            'Brookhaven Health Care Center', 'Golden Years Assisted Living', 'Pleasant View Retirement Village'],
    'rehab': ['Summit Acute Rehabilitation Hospital', 'Pinnacle Rehab Institute', 'Bayside Inpatient Rehabilitation',
              'Cardinal Hill Rehabilitation Center'],
    'lab': ['Quest Diagnostics', 'LabCorp', 'Tri-State Reference Laboratory', 'Midwest Pathology Partners',
            'Sonora Quest Laboratories', 'BioReference Laboratories', 'Cascade Clinical Lab'],
    'imaging': ['Keystone Imaging Center', 'Mesa Verde Outpatient Imaging', 'Radiology Associates of the Valley',
                'Open MRI of Eastgate'],
    'neurodx': ['Coastal Neurodiagnostic Lab', 'Pinnacle Sleep & EMG Center', 'NeuroTrack Diagnostics'],
    'unit': ['Tower B 7th floor', 'Gold Pod', 'Blue Pod', 'Magnolia Unit', 'Pavilion C 3rd floor', 'Hartwell 5 North',
             'Founders Wing 2nd floor', 'Cypress Unit', 'West Tower 9', 'Rainbow Unit', 'Orchid Pod',
             'Kellogg 6 South', 'Heritage Tower 4th floor'],
    'employer': ['Tri-County Poultry', 'Bristow Tool & Die', 'Great Plains Grain Cooperative', 'Keller Roofing',
                 'Sunbelt Rentals', 'Tyson Foods', 'Walmart Distribution Center 6012', 'UPS',
                 'Harvest Moon Casino', 'Pine Valley School District', 'Allied Janitorial Services',
                 'Northstar Call Center', 'Red Rock Mining Company', 'Lakeside Marina', 'Smithfield Packing',
                 "Dell's Auto Body", 'Golden Dragon Restaurant', 'Amazon Fulfillment Center'],
    'school': ['Lincoln Park Elementary', 'Cesar Chavez Elementary', 'Little Flower Montessori',
               'St. Brendan Catholic School', 'Pathways Charter School', 'Maple Hill Primary School'],
    'middle': ['Jefferson Middle School', 'Eastwood Academy', 'Sitting Bull Middle School',
               'St. Brendan Catholic School', 'Roosevelt Junior High'],
    'high': ['Sequoyah High School', 'Northview High School', 'Central Catholic High School',
             'Riverside Early College High School'],
    'college': ['Riverside Community College', 'Kessler State University', 'Tri-County Technical College',
                'Northern Plains Tribal College'],
    'church': ['Greater Mount Zion Baptist Church', 'Holy Trinity Greek Orthodox Church',
               'Iglesia Pentecostal Rios de Agua Viva', 'Masjid Al-Noor', 'First United Methodist Church',
               'St. Vladimir Ukrainian Catholic Church', 'Hmong Alliance Church', 'Ebenezer AME Church',
               'Our Lady of Guadalupe Parish', 'Grace Fellowship Chapel', 'Temple Beth Shalom'],
    'agency': ['Harbor Home Health', 'Visiting Nurse Service of the Valley', 'Bright Horizons Home Care',
               'Comfort Keepers', 'Area Agency on Aging Region 6', 'Lutheran Family Services',
               'Heartland Home Health', 'Sunflower Home Infusion', 'Apria Healthcare', 'Loving Hands Home Care',
               'Catholic Charities of the Diocese'],
    'hospice': ['Serenity Hospice', 'Hospice of the Red River', 'Journey Care Hospice', 'Morning Star Hospice',
                'Agape Hospice & Palliative Care'],
    'shelter': ['Sojourner House', 'Hope Harbor Shelter', 'New Beginnings Family Shelter', 'Mercy House',
                'Bridge to Home Shelter', 'Safe Haven Domestic Violence Shelter'],
    'funeral': ['Whitfield & Sons Funeral Home', 'Peaceful Valley Funeral Chapel', 'Hargrove-Little Funeral Home',
                'Sanchez-Ortiz Funeral Services', 'Oakwood Memorial Chapel'],
    'police': ['Millbrook Police Department', "Pike County Sheriff's Office", 'Dalton Ferry Police Department',
               'State Highway Patrol Post 41', 'Harlow Springs Police Department'],
    'ems': ['Tri-Valley Ambulance', 'Lifeline EMS', 'Cedar Township Fire Rescue', 'Mercy Air Medical',
            'Big Sky Ambulance Service'],
    'county': ['Pike County', 'Hardin County', 'Sangamon County', 'Yakima County', 'Washtenaw County',
               'Cherokee County', 'Dona Ana County', 'Ouachita Parish', 'Barnes County', 'Coconino County'],
    'country': ['Somalia', 'Guatemala', 'Vietnam', 'Ethiopia', 'Haiti', 'Mexico', 'Ukraine', 'Nigeria',
                'El Salvador', 'Laos', 'Ghana', 'Poland', 'Honduras', 'Syria', 'Burma'],
    'opo': ['Gift of Hope Organ & Tissue Donor Network', 'LifeShare of the Plains', 'Mid-America Transplant',
            'Donor Alliance', 'LifeSource'],
    'dmv': ['Franklin County Clerk of Courts title office', 'Secretary of State Facility 112',
            'BMV License Branch 47', 'Pike County Tax Collector office'],
}
STREETS = ['Elm St', 'Old Mill Rd', 'N Hickory Ave', 'Tanglewood Ter', 'Martin Luther King Jr Blvd', 'County Road 14',
           'Magnolia Dr', 'W 38th St', 'Calle Luna', 'Orchard Ln', 'Bayou Rd', 'Sunset Blvd', 'Shawnee Trl',
           'S Prospect Ave', 'Quarry Hill Rd', 'Pinecrest Ct', 'E Commerce St', 'Lakeview Pkwy', 'Route 9',
           'Birch Hollow Dr', 'Cherokee St', 'Riverside Dr', 'Old Post Rd', 'Wabash Ave', 'Kingfisher Way',
           'Dogwood Cir', 'N 5th St', 'Mission Blvd', 'Tamarack Ln', 'Highway 61 S']
UNITS = ['Apt 4', 'Unit 3B', '#204', 'Lot 17', 'Apt. 12C', 'Trlr 9', 'Apt 2', 'Suite 310', 'Unit 6', '#11',
         'Bldg 2 Apt 118', 'Ste 200']
STATES = ['OH', 'TX', 'MN', 'GA', 'NM', 'WA', 'PA', 'MI', 'LA', 'IL', 'MS', 'OK', 'NC', 'ND', 'KY', 'AZ', 'WI', 'IA']
AREA_CODES = ['412', '216', '614', '713', '832', '612', '651', '404', '505', '509', '570', '269', '337', '217', '662',
              '918', '919', '701', '502', '928', '414', '319', '206', '313', '478', '985']
DOMAINS_PT = ['gmail.com', 'yahoo.com', 'hotmail.com', 'icloud.com', 'outlook.com', 'comcast.net', 'aol.com',
              'att.net', 'protonmail.com']
DOMAINS_ORG = ['riverbendhealth.org', 'lakeshoregeneral.org', 'oakhollowfm.com', 'harborhomehealth.net',
               'tricountymed.org', 'mercyvalley.org', 'wexlerhealth.edu', 'goodshepherdmc.org', 'stanselm.org',
               'threeriverscardio.com', 'pineridgehospital.org', 'kesslingmemorial.org', 'northgatebaptist.org']
VIN_PREFIXES = ['1HG', '2T1', '3FA', '5YJ', 'JTD', 'WBA', '1FT', '1GC', 'KMH', '4T1', '1C4', '3VW']
VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789'
ID_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ'
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
          'November', 'December']
WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

FOLD_EXTRA = {'ł': 'l', 'Ł': 'L', 'ø': 'o', 'ß': 'ss', 'ı': 'i', 'đ': 'd'}


def fold(s):
    """ASCII letters only (for user names and e-mail addresses)."""
    s = ''.join(FOLD_EXTRA.get(c, c) for c in s)
    s = unicodedata.normalize('NFKD', s)
    return ''.join(c for c in s if c.isascii() and c.isalpha())


def initial(s):
    for c in s:
        if c.isalpha():
            return c.upper()
    raise ValueError(s)


MISS_SUBS = [('ph', 'f'), ('ck', 'k'), ('ou', 'o'), ('ie', 'ei'), ('ei', 'ie'), ('ll', 'l'), ('tt', 't'),
             ('ss', 's'), ('nn', 'n'), ('rr', 'r'), ('mm', 'm'), ('y', 'i'), ('ey', 'y'), ('sch', 'sh'), ('dd', 'd'),
             ('ai', 'ia'), ('ow', 'ou'), ('er', 'ar'), ('on', 'an'), ('a', 'e'), ('u', 'o')]


def misspell(name, rng):
    cands = []
    for a, b in MISS_SUBS:
        i = name.find(a, 1)
        if i > 0:
            cands.append(name[:i] + b + name[i + len(a):])
    if not cands:
        for i in range(1, len(name) - 2):
            if name[i].isalpha() and name[i + 1].isalpha() and name[i] != name[i + 1]:
                cands.append(name[:i] + name[i + 1] + name[i] + name[i + 2:])
    cands = [c for c in cands if c != name]
    return rng.choice(cands[:4]) if cands else name + 'e'


class Person:
    def __init__(self, first, last, sex, origin, middle='', suffix=''):
        self.first, self.last, self.sex, self.origin = first, last, sex, origin
        self.middle, self.suffix = middle, suffix
        self.nick = self.user = self.miss = self.prev = None
        self.kin = None        # kind of kinship to the patient, if any


class OriginDeck:
    """Origins dealt from a shuffled deck, so that every origin turns up in every stretch of documents."""

    def __init__(self, rng):
        self.rng, self.cards = rng, []

    def draw(self):
        if not self.cards:
            self.cards = sorted(ORIGINS)
            self.rng.shuffle(self.cards)
        return self.cards.pop()


def surname_of(origin, sex, rng, single=False):
    s = rng.choice(ORIGINS[origin]['s'])
    if isinstance(s, tuple):
        return s[0] if sex == 'M' else s[1]
    if origin == 'hispanic' and not single and not s.startswith('de ') and rng.random() < 0.7:
        s2 = rng.choice([x for x in ORIGINS[origin]['s'] if x != s])
        return f'{s}-{s2}' if rng.random() < 0.15 else f'{s} {s2}'
    return s


def gendered(last, origin, sex):
    """The same surname in the form for the given sex (Polish and Russian surnames)."""
    for s in ORIGINS[origin]['s']:
        if isinstance(s, tuple) and last in s:
            return s[0] if sex == 'M' else s[1]
    return last


def given_of(origin, sex, rng):
    return rng.choice(ORIGINS[origin]['m' if sex == 'M' else 'f'])


def hisp_parts(last):
    """The father's and the mother's surname of a Hispanic double surname (the same twice for a single one)."""
    if last.startswith('de '):
        return [last, last]
    for sep in (' ', '-'):
        if sep in last:
            return last.split(sep, 1)
    return [last, last]


# ---------------------------------------------------------------------------------------------------------------------
# Dates and numbers.
# ---------------------------------------------------------------------------------------------------------------------
def ordinal(n):
    suf = 'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')
    return f'{n}{suf}'


def fmt_date(d, f):
    mon, ab, wd = MONTHS[d.month - 1], MONTHS[d.month - 1][:3], WEEKDAYS[d.weekday()]
    table = {
        'mdy': f'{d.month:02d}/{d.day:02d}/{d.year}',
        'mdy1': f'{d.month}/{d.day}/{d.year}',
        'mdy2': f'{d.month}/{d.day}/{d.year % 100:02d}',
        'mdyd': f'{d.month:02d}-{d.day:02d}-{d.year}',
        'md': f'{d.month}/{d.day}',
        'mmdd': f'{d.month:02d}/{d.day:02d}',
        'long': f'{mon} {d.day}, {d.year}',
        'mon_d': f'{mon} {d.day}',
        'abbr': f'{ab} {d.day}, {d.year}',
        'abbr_d': f'{ab} {d.day}',
        'dmy': f'{d.day:02d}-{ab}-{d.year}',
        'dmyU': f'{d.day:02d}-{ab.upper()}-{d.year}',
        'dMy': f'{d.day} {mon} {d.year}',
        'iso': d.isoformat(),
        'wd_md': f'{wd} {d.month}/{d.day}',
        'wd_long': f'{wd}, {mon} {d.day}',
        'wd_abbr': f'{wd[:3]} {d.month}/{d.day}/{d.year % 100:02d}',
        'ord': ordinal(d.day),
        'my': f'{mon} {d.year}',
        'mY': f'{d.month:02d}/{d.year}',
        'compact': f'{d.year}{d.month:02d}{d.day:02d}',
    }
    return table[f]


def digits(rng, n):
    return ''.join(rng.choice('0123456789') for _ in range(n))


def letters(rng, n):
    return ''.join(rng.choice(ID_LETTERS) for _ in range(n))


def gen_id(kind, rng, doc):
    yy = f'{doc.base.year % 100:02d}'
    r = rng.randrange(3)
    if kind == 'mrn':
        return [digits(rng, 8), 'E' + digits(rng, 7), f'{digits(rng, 3)}-{digits(rng, 2)}-{digits(rng, 3)}'][r]
    if kind == 'acct':
        return [digits(rng, 10), 'A' + digits(rng, 9), f'{digits(rng, 4)} {digits(rng, 6)}'][r]
    if kind == 'enc':
        return ['V' + digits(rng, 9), digits(rng, 10), digits(rng, 9)][r]
    if kind == 'claim':
        return ['CLM' + digits(rng, 8), letters(rng, 2) + digits(rng, 9), f'{yy}{digits(rng, 3)}-{digits(rng, 5)}'][r]
    if kind == 'member':
        return [letters(rng, 3) + digits(rng, 9), 'W' + digits(rng, 9), f'{letters(rng, 3)} {digits(rng, 8)} 01'][r]
    if kind == 'group':
        return [digits(rng, 6), 'G' + digits(rng, 5), digits(rng, 5) + '-' + digits(rng, 3)][r]
    if kind == 'lic':
        return [f'{letters(rng, 1)}{digits(rng, 3)}-{digits(rng, 4)}-{digits(rng, 4)}',
                letters(rng, 1) + digits(rng, 7),
                f'{digits(rng, 3)} {digits(rng, 3)} {digits(rng, 3)}'][r]
    if kind == 'medlic':
        return ['MD' + digits(rng, 6), f'{digits(rng, 2)}-{digits(rng, 5)}', 'A' + digits(rng, 5)][r]
    if kind == 'npi':
        return '1' + digits(rng, 9)
    if kind == 'dea':
        return rng.choice('ABFM') + letters(rng, 1) + digits(rng, 7)
    if kind == 'acc':
        return [f'S{yy}-{digits(rng, 5)}', f'{letters(rng, 2)}{yy}-{digits(rng, 6)}',
                f'{digits(rng, 2)}:{digits(rng, 7)}'][r]
    if kind == 'serial':
        return [f'SN{digits(rng, 3)}{letters(rng, 2)}{digits(rng, 5)}', f'{letters(rng, 3)}-{digits(rng, 7)}',
                f'{digits(rng, 4)}-{letters(rng, 1)}{digits(rng, 4)}'][r]
    if kind == 'case':
        return [f'{yy}-{digits(rng, 6)}', f'C{yy}{digits(rng, 5)}', f'PV-{yy}-{digits(rng, 4)}'][r]
    if kind == 'badge':
        return [digits(rng, 4), digits(rng, 5), letters(rng, 1) + digits(rng, 3)][r]
    if kind == 'report':
        return [f'IR-{digits(rng, 5)}', f'{yy}-{digits(rng, 5)}', f'SE{digits(rng, 6)}'][r]
    if kind == 'job':
        return [digits(rng, 6), digits(rng, 7), f'{digits(rng, 3)}-{digits(rng, 4)}'][r]
    if kind == 'req':
        return [f'ROI-{digits(rng, 6)}', f'R{yy}{digits(rng, 5)}', f'{digits(rng, 4)}-{digits(rng, 4)}'][r]
    if kind == 'interp':
        return [digits(rng, 5), digits(rng, 6), f'{letters(rng, 2)}{digits(rng, 4)}'][r]
    if kind == 'mbi':
        return (f'{rng.randint(1, 9)}{letters(rng, 1)}{rng.choice(ID_LETTERS + "0123456789")}{digits(rng, 1)}-'
                f'{letters(rng, 1)}{rng.choice(ID_LETTERS + "0123456789")}{digits(rng, 1)}-'
                f'{letters(rng, 2)}{digits(rng, 2)}')
    if kind == 'placard':
        return ['DP' + digits(rng, 7), f'{digits(rng, 2)}-{digits(rng, 6)}', 'H' + digits(rng, 6)][r]
    if kind == 'reg':
        return [digits(rng, 9), f'{digits(rng, 3)}-{digits(rng, 3)}-{digits(rng, 4)}', 'IIS' + digits(rng, 8)][r]
    if kind == 'rx':
        return [digits(rng, 7), digits(rng, 8), f'{digits(rng, 7)}-{digits(rng, 2)}'][r]
    if kind == 'auth':
        return ['PA' + digits(rng, 8), f'{digits(rng, 4)}-{digits(rng, 5)}', f'UM{yy}{digits(rng, 6)}'][r]
    if kind == 'policy':
        return [f'{letters(rng, 2)}-{digits(rng, 7)}', digits(rng, 10),
                f'{digits(rng, 3)} {digits(rng, 4)} {digits(rng, 3)}'][r]
    raise KeyError(kind)


def gen_phone(fmt, rng):
    a, b, c = rng.choice(AREA_CODES), str(rng.randint(201, 989)), digits(rng, 4)
    table = {'paren': f'({a}) {b}-{c}', 'dash': f'{a}-{b}-{c}', 'dot': f'{a}.{b}.{c}', 'space': f'{a} {b} {c}',
             'slash': f'{a}/{b}-{c}', 'plus': f'+1 {a}-{b}-{c}',
             'one': f'1-{rng.choice(["800", "866", "877", "888"])}-{b}-{c}',
             'ext': digits(rng, 4), 'ext3': digits(rng, 3), 'pager': digits(rng, 5), 'seven': f'{b}-{c}',
             'parenx': f'({a}){b}-{c}'}
    return table[fmt]


def gen_ssn(fmt, rng):
    a = rng.choice([x for x in range(101, 899) if x != 666])
    b, c = rng.randint(10, 99), rng.randint(1000, 9999)
    return {'dash': f'{a:03d}-{b:02d}-{c:04d}', 'space': f'{a:03d} {b:02d} {c:04d}',
            'plain': f'{a:03d}{b:02d}{c:04d}'}[fmt]


def gen_plate(rng):
    r = rng.randrange(5)
    return [f'{rng.randint(1, 9)}{letters(rng, 3)}{digits(rng, 3)}', f'{letters(rng, 3)}-{digits(rng, 4)}',
            f'{letters(rng, 3)} {digits(rng, 4)}', f'{letters(rng, 2)} {digits(rng, 5)}',
            f'{digits(rng, 3)} {letters(rng, 3)}'][r]


def gen_vin(rng):
    return rng.choice(VIN_PREFIXES) + ''.join(rng.choice(VIN_CHARS) for _ in range(14))


def gen_ip(rng):
    r = rng.randrange(4)
    if r == 0:
        return f'10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}'
    if r == 1:
        return f'192.168.{rng.randint(0, 40)}.{rng.randint(2, 254)}'
    if r == 2:
        return f'172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}'
    return f'{rng.choice([73, 98, 24, 68, 107, 174])}.{rng.randint(1, 254)}.{rng.randint(0, 255)}.{rng.randint(2, 254)}'


# ---------------------------------------------------------------------------------------------------------------------
# One document's cast and values.
# ---------------------------------------------------------------------------------------------------------------------
P_WORD_NAME = 0.36      # chance that a person not related to the patient bears a name that is an English word


class Doc:
    def __init__(self, rng, deck, base, pt_age):
        self.rng, self.deck, self.base, self.pt_age = rng, deck, base, pt_age
        self.people = {}
        self.values = {}
        self.used = collections.defaultdict(list)
        self.clock = self.tclock = self.nclock = 0
        self.pt_sex = None          # forced sex of the patient, if any
        self.pt_foreign = False     # the patient needs an interpreter

    # --- people -------------------------------------------------------------------------------------------------
    def taken(self, first, last):
        for p in self.people.values():
            if p.first == first or p.last == last:
                return True
        return False

    def new_stranger(self, sex):
        rng = self.rng
        for _ in range(200):
            origin = self.deck.draw()
            first, last = given_of(origin, sex, rng), surname_of(origin, sex, rng)
            if rng.random() < P_WORD_NAME:
                r = rng.random()
                if r < 0.45 and origin not in ('ethiopian', 'somali'):
                    first = rng.choice(WORD_GIVEN_M if sex == 'M' else WORD_GIVEN_F)
                elif r < 0.85 or origin in ('ethiopian', 'somali'):
                    origin = rng.choice(['us', 'us', 'irish', 'native', 'hispanic', 'nigerian', 'haitian'])
                    first, last = given_of(origin, sex, rng), rng.choice(WORD_SURNAMES)
                else:
                    first = rng.choice(WORD_GIVEN_M if sex == 'M' else WORD_GIVEN_F)
                    last = rng.choice(WORD_SURNAMES)
            if not self.taken(first, last) and initial(first) + initial(last) not in BAD_INITIALS:
                return self.finish(Person(first, last, sex, origin))
        raise RuntimeError('no free name')

    def new_patient(self):
        rng = self.rng
        sex = self.pt_sex or rng.choice('MF')
        while True:
            origin = self.deck.draw()
            if self.pt_foreign and origin not in FOREIGN:
                continue
            first, last = given_of(origin, sex, rng), surname_of(origin, sex, rng)
            if rng.random() < P_WORD_NAME and origin not in ('ethiopian', 'somali'):
                first = rng.choice(WORD_GIVEN_M if sex == 'M' else WORD_GIVEN_F)
            if not self.taken(first, last) and initial(first) + initial(last) not in BAD_INITIALS:
                return self.finish(Person(first, last, sex, origin))

    def finish(self, p):
        rng = self.rng
        o = ORIGINS[p.origin]
        if p.origin == 'vietnamese' and rng.random() < 0.7:
            p.middle = rng.choice(o['mid_m'] if p.sex == 'M' else o['mid_f'])
        elif rng.random() < 0.55 and ' ' not in p.first:
            p.middle = rng.choice(MIDDLE_LETTERS)
        if p.sex == 'M' and p.origin in ('us', 'native', 'hispanic', 'italian', 'irish') and rng.random() < 0.1:
            p.suffix = rng.choice(SUFFIXES)
        return p

    def new_kin(self, role, pt):
        rng = self.rng
        kind, sex = FAMILY[role]
        if kind == 'spouse':
            sex = 'F' if pt.sex == 'M' else 'M'
        sex = sex or rng.choice('MF')
        o = pt.origin
        for _ in range(200):
            first = given_of(o, sex, rng)
            if rng.random() < 0.2 and o not in ('ethiopian', 'somali'):
                first = rng.choice(WORD_GIVEN_M if sex == 'M' else WORD_GIVEN_F)
            last = None
            if o in ('ethiopian', 'somali'):
                if kind == 'child' and pt.sex == 'M':
                    last = pt.first
                elif kind == 'sib':
                    last = pt.last
                elif kind == 'parent' and sex == 'M':
                    first = pt.last
            elif o == 'hispanic':
                s1, s2 = hisp_parts(pt.last)
                other = surname_of(o, sex, rng, single=True)
                if kind == 'child':
                    last = f'{s1} {other}' if pt.sex == 'M' else f'{other} {s1}'
                elif kind == 'sib':
                    last = pt.last
                elif kind == 'parent':
                    last = f'{s1} {other}' if sex == 'M' else f'{s2} {other}'
            elif kind == 'spouse':
                if o not in ('vietnamese', 'chinese', 'korean', 'hmong', 'arabic') and rng.random() < 0.75:
                    last = gendered(pt.last, o, sex)
            else:
                share = {'child': 0.85, 'sib': 0.7, 'parent': 0.8}.get(kind, 0.5)
                if rng.random() < share:
                    last = gendered(pt.last, o, sex)
            if last is None:
                last = surname_of(o, sex, rng)
            clash = any(q.last == last for r, q in self.people.items() if r != 'pt' and q.kin is None)
            if not clash and not any(q.first == first for q in self.people.values()) and \
                    initial(first) + initial(last) not in BAD_INITIALS:
                p = self.finish(Person(first, last, sex, o))
                p.kin = kind
                return p
        raise RuntimeError('no free kin name')

    def person(self, role):
        if role in self.people:
            return self.people[role]
        if role in FAMILY:
            pt = self.person('pt')
            p = self.new_kin(role, pt)
        elif role == 'pt' and (self.pt_sex or self.pt_foreign):
            p = self.new_patient()
        else:
            sex = 'M' if role in MALE_ROLES else 'F' if role in FEMALE_ROLES else self.rng.choice('MF')
            p = self.new_stranger(sex)
        if role == 'pt' and self.pt_age < 18 and p.suffix == 'Sr.':
            p.suffix = 'Jr.'
        self.people[role] = p
        return p

    def nick(self, p):
        if p.nick is None:
            p.nick = NICKS.get(p.first) or self.rng.choice(GENERIC_NICKS)
        return p.nick

    def user(self, p):
        if p.user is None:
            rng = self.rng
            f, sn = fold(p.first).lower(), fold(p.last).lower()
            r = rng.randrange(4)
            p.user = [f[0] + sn[:7], f[0] + sn[:6] + str(rng.randint(1, 9)), f[:5] + sn[0] + str(rng.randint(10, 99)),
                      sn[:5] + f[:2]][r]
        return p.user

    def name(self, role, form):
        p = self.person(role)
        F, L, m = p.first, p.last, p.middle
        sfx = ' ' + p.suffix if p.suffix else ''
        full = f'{F} {L}{sfx}'
        mi = m[0] if m else ''
        if form == 'full':
            return full
        if form == 'fml':
            return f'{F} {m if len(m) > 1 else m + "."} {L}{sfx}' if m else full
        if form == 'fmil':
            return f'{F} {mi} {L}{sfx}' if m else full
        if form == 'first':
            return F
        if form == 'last':
            return L
        if form == 'lastsfx':
            return L + sfx
        if form == 'LF':
            return f'{L}{sfx}, {F}'.upper() + (f' {mi}' if mi else '')
        if form == 'Lf':
            return f'{L}{sfx}, {F}' + (f' {mi}.' if mi else '')
        if form == 'LFn':
            return f'{L}, {F}'.upper()
        if form == 'FLU':
            return full.upper()
        if form == 'LU':
            return L.upper()
        if form == 'fi':
            return f'{initial(F)}. {L}'
        if form == 'lastfi':
            return f'{L}, {initial(F)}.'
        if form == 'ini':
            return initial(F) + initial(L)
        if form == 'ini3':
            return initial(F) + (mi.upper() if mi else '') + initial(L)
        if form == 'lini':
            return (initial(F) + initial(L)).lower()
        if form == 'lower':
            return f'{F} {L}'.lower()
        if form == 'lfirst':
            return F.lower()
        if form == 'user':
            return self.user(p)
        if form == 'nickq':
            return f'{F} "{self.nick(p)}" {L}{sfx}'
        if form == 'nick':
            return self.nick(p)
        if form in ('miss', 'missf', 'missLF'):
            if p.miss is None:
                p.miss = misspell(L, self.rng)
            return {'miss': p.miss, 'missf': f'{F} {p.miss}', 'missLF': f'{p.miss}, {F}'.upper()}[form]
        if form == 'prevf':
            if p.prev is None:
                o = p.origin if p.origin not in ('ethiopian', 'somali') else 'us'
                while p.prev is None or p.prev == L:
                    p.prev = surname_of(o, 'F', self.rng)
            return f'{F} {p.prev}'
        raise KeyError(form)

    def pronoun(self, role, key):
        p = self.person(role)
        male = p.sex == 'M'
        table = {'he': ('he', 'she'), 'He': ('He', 'She'), 'his': ('his', 'her'), 'His': ('His', 'Her'),
                 'him': ('him', 'her'), 'Mr': ('Mr.', 'Ms.'), 'man': ('man', 'woman'), 'sex': ('M', 'F'),
                 'boy': ('boy', 'girl'), 'Sex': ('male', 'female')}
        if key in table:
            return table[key][0 if male else 1]
        if key in ('rel', 'Rel'):
            w = KIN_WORDS[p.kin][0 if male else 1]
            return w if key == 'rel' else w.capitalize()
        if key == 'lang':
            return LANGUAGES[p.origin]
        raise KeyError(key)

    # --- other values ---------------------------------------------------------------------------------------------
    def once(self, key, make):
        if key not in self.values:
            self.values[key] = make()
        return self.values[key]

    def fresh(self, pool, kind):
        """A value of the pool not yet used in this document."""
        free = [v for v in pool if v not in self.used[kind]]
        v = self.rng.choice(free)
        self.used[kind].append(v)
        return v

    def location(self, kind):
        rng = self.rng
        if kind == 'town':
            return self.fresh(WORD_TOWNS if rng.random() < 0.35 else OTHER_TOWNS, 'town')
        if kind == 'country':
            pt = self.people.get('pt')
            if pt is not None and pt.origin in COUNTRIES:
                return self.fresh(COUNTRIES[pt.origin], 'country')
            return self.fresh(LOCS['country'], 'country')
        if kind == 'school':    # a school for the patient's age
            kind = 'school' if self.pt_age < 11 else 'middle' if self.pt_age < 14 else \
                'high' if self.pt_age < 18 else 'college'
            return self.fresh(LOCS[kind], kind)
        if kind == 'pharm':
            if rng.random() < 0.75:
                chain = self.fresh(LOCS['pharmchain'], 'pharm')
                return chain + rng.choice([' #', ' #', ' store ', ' #0']) + str(rng.randint(100, 19999))
            return self.fresh(LOCS['pharmind'], 'pharm')
        return self.fresh(LOCS[kind], kind)

    def address(self):
        rng = self.rng
        if rng.random() < 0.08:
            return f'PO Box {rng.randint(12, 9800)}'
        line = f'{rng.randint(2, 9899)} {self.fresh(STREETS, "street")}'
        if rng.random() < 0.55:
            line += ' ' + rng.choice(UNITS)
        return line

    def zipcode(self):
        z = f'{self.rng.randint(1001, 99950):05d}'
        return z + '-' + digits(self.rng, 4) if self.rng.random() < 0.3 else z

    def date(self, spec):
        rng = self.rng
        if spec == 'dob':
            return self.once('dob', lambda: self.base - datetime.timedelta(
                days=int(self.pt_age * 365.25) + rng.randint(20, 340)))
        if spec.startswith('dob'):
            return self.once(spec, lambda: self.base - datetime.timedelta(days=rng.randint(20 * 365, 80 * 365)))
        return self.base + datetime.timedelta(days=int(spec))

    def org_domain(self, lockey):
        kind, key = lockey.split(':')
        name = self.once(f'loc:{kind}:{key}', lambda: self.location(kind))
        words = [fold(w).lower() for w in re.split(r"[\s&/-]+", name)]
        words = [w for w in words if w and w not in ('of', 'the', 'and', 'at', 'store') and not w.isdigit()]
        org_words = {'hospital', 'medical', 'health', 'hospice', 'church', 'rehabilitation'}
        tld = '.org' if set(words) & org_words else '.com'
        return ''.join(words[:3]) + tld

    def email(self, key):
        rng = self.rng
        if '@' in key:
            role, lockey = key.split('@')
            dom = self.org_domain(lockey)
            if role == 'org':
                return self.once('email:' + key, lambda: rng.choice(['info', 'intake', 'referrals', 'frontdesk',
                                                                     'records', 'scheduling']) + '@' + dom)
            p = self.person(role)
            f, sn = fold(p.first).lower(), fold(p.last).lower()
            return self.once('email:' + key,
                             lambda: rng.choice([f'{f[0]}{sn}', f'{f}.{sn}', f'{sn}.{f[0]}']) + '@' + dom)
        p = self.person(key)
        f, sn = fold(p.first).lower(), fold(p.last).lower()
        if p.kin is None and key != 'pt' and rng.random() < 0.7:
            return self.once('email:' + key, lambda: rng.choice([f'{f[0]}{sn}', f'{f}.{sn}', f'{sn}.{f[0]}']) + '@' +
                             rng.choice(DOMAINS_ORG))
        return self.once('email:' + key, lambda: rng.choice(
            [f'{f}.{sn}{rng.randint(1, 99)}', f'{f}{sn[0]}{rng.randint(60, 99)}', f'{f[0]}{sn}{rng.randint(1, 999)}',
             f'{sn}_{f}', f'{self.nick(p).lower()}{sn[:3]}{rng.randint(1, 99)}']) + '@' + rng.choice(DOMAINS_PT))

    def url(self, kind):
        rng = self.rng
        dom = rng.choice(DOMAINS_ORG)
        if kind == 'portal':
            return rng.choice([f'https://mychart.{dom}/MyChart', f'https://portal.{dom}',
                               f'https://{dom}/patient-portal/login', f'https://myhealth.{dom}/'])
        if kind == 'forms':
            return rng.choice([f'www.{dom}/records-request', f'https://{dom}/forms/release.pdf',
                               f'{dom}/roi'])
        if kind == 'tele':
            return f'https://{rng.choice(["meet", "visit", "telehealth"])}.{dom}/room/{letters(rng, 3).lower()}' \
                   f'{digits(rng, 4)}'
        return rng.choice([f'www.{dom}', f'https://www.{dom}/', f'https://{dom}/billing'])

    def filler(self, kind):
        rng = self.rng
        if kind == 'time':      # clock times run forward through a document, as events are written down
            step = rng.randrange(5, 100, 5)
            self.tclock = min(self.tclock + step, 1435) if self.tclock else rng.randrange(420, 840, 5)
            return f'{self.tclock // 60:02d}:{self.tclock % 60:02d}'
        if kind == 'hhmm':
            return f'{rng.randint(0, 23):02d}{rng.choice(range(0, 60, 5)):02d}'
        if kind == 'time12':
            h, m = rng.randint(8, 17), rng.choice(range(0, 60, 5))
            return f'{(h - 1) % 12 + 1}:{m:02d} {"AM" if h < 12 else "PM"}'
        if kind == 'ntime12':   # after-hours calls, in order through the night
            self.nclock = self.nclock + rng.randrange(10, 150, 5) if self.nclock else rng.randrange(1080, 1320, 5)
            h, m = self.nclock // 60 % 24, self.nclock % 60
            return f'{(h - 1) % 12 + 1}:{m:02d} {"AM" if h < 12 else "PM"}'
        if kind == 'hms0':
            return f'{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}'
        if kind == 'hms':       # times in a log run forward
            self.clock = min(self.clock + rng.randint(1, 5400), 86399) if self.clock else rng.randint(20000, 40000)
            return f'{self.clock // 3600:02d}:{self.clock // 60 % 60:02d}:{self.clock % 60:02d}'
        if kind == 'year':      # a bare year within the patient's life
            first = max(self.base.year - 30, self.base.year - self.pt_age + 6)
            return str(rng.randint(first, self.base.year - 1))
        if kind in ('aage', 'aagec'):
            return ('an ' if self.pt_age in (8, 11, 18) or 80 <= self.pt_age <= 89 else 'a ') + self.filler('age')
        if kind in ('age', 'cage'):
            if self.pt_age >= 90:
                raise ValueError('an age of 90 or more written as filler')
            return str(self.pt_age)
        if kind == 'age2':
            return str(rng.randint(24, 86))
        if kind == 'st':
            return self.once('st', lambda: rng.choice(STATES))
        if kind == 'st2':
            return rng.choice(STATES)
        raise KeyError(kind)

    # --- dispatch -------------------------------------------------------------------------------------------------
    def resolve(self, ph):
        """Return (text, type) for a placeholder; type is a PHI type, 'MED' or None."""
        f = ph.split(':')
        k = f[0]
        if k == 'p':
            return self.name(f[1], f[2]), 'NAME'
        if k == 'd':
            return fmt_date(self.date(f[1]), f[2]), 'DATE'
        if k == 'age90':
            if f[1] == 'pt':
                return str(self.pt_age), 'AGE'
            return self.once('age90:' + f[1], lambda: str(self.rng.randint(90, 103))), 'AGE'
        if k == 'loc':
            v = self.once(f'loc:{f[1]}:{f[2]}', lambda: self.location(f[1]))
            case = f[3] if len(f) > 3 else ''
            return (v.upper() if case == 'U' else v.lower() if case == 'L' else v), 'LOCATION'
        if k == 'addr':
            return self.once(ph, self.address), 'ADDRESS'
        if k == 'zip':
            return self.once(ph, self.zipcode), 'ZIP'
        if k == 'id':
            return self.once(ph, lambda: gen_id(f[1], self.rng, self)), 'ID'
        if k == 'ph':
            return self.once(ph, lambda: gen_phone(f[1], self.rng)), 'PHONE'
        if k == 'email':
            return self.email(':'.join(f[1:])), 'EMAIL'
        if k == 'url':
            return self.once(ph, lambda: self.url(f[1])), 'URL'
        if k == 'ip':
            return self.once(ph, lambda: gen_ip(self.rng)), 'IP'
        if k == 'ssn':
            return self.once(ph, lambda: gen_ssn(f[1], self.rng)), 'SSN'
        if k == 'plate':
            return self.once(ph, lambda: gen_plate(self.rng)), 'VEHICLE'
        if k == 'vin':
            return self.once(ph, lambda: gen_vin(self.rng)), 'VEHICLE'
        if k == 'm':
            return ph[2:], 'MED'
        if k == 'x':
            if len(f) > 2:
                return self.once(ph, lambda: self.filler(f[1])), None
            return self.filler(f[1]), None
        if k == 'pr':
            return self.pronoun(f[1], f[2]), None
        raise KeyError(ph)


PLACEHOLDER = re.compile(r'\{([a-z0-9]+:[^{}]*)\}')


def render(template, doc):
    """Fill a template; return the text, the PHI spans and the medical spans, with offsets taken while filling."""
    out, phi, med, pos, n = [], [], [], 0, 0
    for mo in PLACEHOLDER.finditer(template):
        lit = template[pos:mo.start()]
        out.append(lit)
        n += len(lit)
        value, typ = doc.resolve(mo.group(1))
        if typ == 'MED':
            med.append({'start': n, 'end': n + len(value), 'text': value})
        elif typ is not None:
            phi.append({'start': n, 'end': n + len(value), 'type': typ, 'value': value})
        out.append(value)
        n += len(value)
        pos = mo.end()
    out.append(template[pos:])
    text = ''.join(out)
    if '{' in text or '}' in text:
        raise ValueError('unfilled placeholder: ' + text[text.find('{') - 20:text.find('{') + 40])
    return text, phi, med


# ---------------------------------------------------------------------------------------------------------------------
# Templates for 30a (documents 1-25).  A backslash at a line end joins the next line (long typed paragraphs).
# ---------------------------------------------------------------------------------------------------------------------
TEMPLATES_A = [
    ('a01_referral_letter', 'referral letter', """\
{loc:clinic:1:U}
{addr:1} | {loc:town:1}, {x:st} {zip:1}
Tel {ph:paren:1} | Fax {ph:paren:2}

{d:0:long}

{p:dr:fml}, MD
{loc:ortho:2}
{addr:2}
{loc:town:2}, {x:st} {zip:2}

RE: {p:pt:full}   DOB: {d:dob:mdy}   Our MRN: {id:mrn:1}

Dear Dr. {p:dr:last}:

Thank you for seeing {pr:pt:Mr} {p:pt:last}, {x:aage}-year-old {pr:pt:man} I follow for type 2 diabetes. For three \
months {pr:pt:he} has had numbness in both hands, worse at night, with a positive {m:Tinel} at the left wrist and a \
positive {m:Phalen} test. Nerve conduction studies at {loc:neurodx:1} on {d:-20:md} showed moderate median \
neuropathy at \
the wrist. Metformin 1000 mg twice daily; A1c 7.4% in {d:-45:my}. {pr:pt:His} {pr:child:rel}, {p:child:full}, drives \
{pr:pt:him} to visits and can be reached at {ph:dash:3}.

I would value your opinion on release. My office can send the studies on request.

Sincerely,

{p:me:full}, DO
Internal Medicine

cc: {p:pt:full}
    {p:cc1:fi}, PA-C, {loc:clinic:1}
    Medical Records, {loc:hosp:1}

{p:me:ini}/{p:typist:lini}
"""),
    ('a02_medication_reconciliation', 'medication reconciliation', """\
MEDICATION RECONCILIATION - ADMISSION
Patient: {p:pt:LF}    MRN {id:mrn:1}    DOB {d:dob:mdy}
Unit: {loc:unit:1}, {loc:hosp:1}    Admitted {d:0:mdy} {x:time}
Sources: patient, {pr:spouse:rel} {p:spouse:full}, fill history from {loc:pharm:1} ({ph:paren:1})
Allergies: sulfa (rash), latex

| Medication | Dose / route / frequency | Last taken | Continue? | Init |
| --- | --- | --- | --- | --- |
| lisinopril | 20 mg PO daily | {d:-1:md} AM | Yes | {p:rn:ini} |
| metoprolol succinate | 50 mg PO daily | {d:-1:md} | Yes | {p:rn:ini} |
| apixaban | 5 mg PO BID | {d:-3:md} 2100 | Hold | {p:pharmd:ini} |
| levothyroxine | 88 mcg PO daily | unknown | Yes | {p:rn:ini} |
| carbidopa-levodopa 25/100 | 1 tab PO TID | {d:0:md} 0600 | Yes | {p:pharmd:ini} |
| sertraline | 50 mg PO daily | unknown | Clarify | {p:pharmd:ini} |

Key: {p:rn:ini} = {p:rn:full}, RN; {p:pharmd:ini} = {p:pharmd:full}, PharmD
Outside prescriber: {p:pcp:fi}, {loc:clinic:1}, fax {ph:dash:2}
Carbidopa-levodopa is for {m:Parkinson's disease}. Apixaban held by Dr. {p:hm:last} pending {m:Doppler} study of \
the left leg; {p:pt:first} says {pr:pt:he} stopped it 2 days ago because of gum bleeding.
Reviewed with patient and {p:spouse:first} at bedside at {x:time}. Reconciled by {p:pharmd:user} on {d:0:iso}.
"""),
    ('a03_ed_triage', 'ED triage form', """\
EMERGENCY DEPARTMENT TRIAGE
{loc:hosp:1:U} - EMERGENCY
Arrival: {d:0:mdy} {x:time}   Mode: private vehicle, driven by {pr:child:rel} {p:child:full}
Name: {p:pt:LF}   Sex: {pr:pt:sex}   Age: {x:age}   DOB: {d:dob:mdy1}
MRN: {id:mrn:1}   Acct: {id:acct:1}
Address: {addr:1}, {loc:town:1} {x:st} {zip:1}
Phone: {ph:dash:1}   Emergency contact: {p:child:first} ({pr:child:rel}) {ph:dash:2}
PCP: Dr. {p:pcp:full}, {loc:clinic:1}
Chief complaint: "dizzy when I turn my head" since {d:-1:wd_md}
Vitals: BP 148/86  HR 92  RR 18  T 36.9  SpO2 97% RA  Pain 3/10  Wt 71 kg
{m:Glasgow Coma Scale} 15. Speech clear. No facial droop; no signs of {m:Bell's palsy}.
Hx: hypertension, {m:Barrett's esophagus}, hypothyroidism. Meds per patient: omeprazole, amlodipine.
ESI level: 3   Triage RN: {p:rn:full}, RN ({p:rn:ini})   Registered by: {p:reg:user}
Placed in: {loc:unit:1}
Visitor: neighbor {p:nbr:full} waiting in lobby.
Note: pt moved here from {loc:town:2} in {x:year} and sees Dr. {p:pcp:last} twice a year.
"""),
    ('a04_operative_report', 'operative report', """\
OPERATIVE REPORT
Patient: {p:pt:fml}    MRN: {id:mrn:1}    Date of surgery: {d:0:long}
Facility: {loc:hosp:1}
Surgeon: {p:surg:full}, MD
Assistant: {p:asst:full}, PA-C
Anesthesia: {p:anes:fi}, MD (general endotracheal); CRNA {p:crna:full}
Preoperative diagnosis: pancreatic head mass
Procedure: pylorus-preserving {m:Whipple procedure}
Findings: 3 cm firm mass in the head of the pancreas; no liver lesions; no ascites.
Description: After the time-out led by circulating nurse {p:circ:full}, a {m:Foley catheter} was placed and the \
patient was positioned supine. Brief {m:Trendelenburg} positioning was used for the internal jugular line. A bilateral \
subcostal incision was made. The gastrocolic ligament was divided and the pancreatic neck tunneled. The specimen was \
removed en bloc. Reconstruction with pancreaticojejunostomy, hepaticojejunostomy and duodenojejunostomy.
Specimen: pancreatic head and duodenum to pathology, accession {id:acc:1}; frozen section margins negative per \
Dr. {p:path:last} at {x:time}.
EBL 450 mL. Two 19 Fr drains. Counts correct x2 per {p:circ:ini} and {p:scrub:ini}.
Disposition: to {loc:unit:1}, stable. {pr:spouse:Rel} {p:spouse:first} and son-in-law {p:sil:full} updated in \
the waiting area by Dr. {p:surg:last}; callback {ph:space:1}.
D: {d:0:mdy} {x:time}  T: {d:+1:mdy}  Job {id:job:1}  {p:surg:ini}/{p:typist:lini}
"""),
    ('a05_discharge_instructions', 'discharge instructions', """\
DISCHARGE INSTRUCTIONS
{loc:hosp:1}  |  {addr:1}, {loc:town:1}, {x:st} {zip:1}
Patient: {p:pt:full}   Date: {d:0:mdy}   Visit #: {id:enc:1}

You were treated for pneumonia. Your chest x-ray showed an infiltrate in the right lower lobe; your {m:blood} \
cultures had no growth. Your {m:heart} tracing (ECG) was normal.

Medicines: amoxicillin-clavulanate 875 mg by mouth twice daily for 5 more days; benzonatate 100 mg three times \
daily as needed for cough. Stop taking ibuprofen.

Your doctor in the hospital was Dr. {p:hosp:full}.
Follow-up appointments:
- {p:pcp:full}, NP, at {loc:clinic:1} on {d:+6:wd_long} at {x:time12}. Call {ph:paren:1} to confirm.
- Pulmonology: Dr. {p:pulm:last}, {loc:pulm:1}, in 4-6 weeks (by {d:+40:mon_d}) for repeat x-ray.

Home oxygen 2 L is being delivered by {loc:agency:1}; their number is {ph:dot:2}.
Work: you may return to {loc:employer:1} on {d:+7:md}. A work note was given to you.
Caregiver: your {pr:sib:rel} {p:sib:full} will stay with you until the {d:+5:ord}.
Return to the emergency department for chest pain, trouble breathing, or fever over 101.5.
After-hours nurse line: {ph:dash:3}.

Patient signature: {p:pt:full}     Nurse: {p:rn:full}, RN     Time: {x:time}
Interpreter: none needed. Copy given to {p:sib:first}.
"""),
    ('a06_discharge_summary', 'discharge summary', """\
DISCHARGE SUMMARY
{p:pt:LF} | MRN {id:mrn:1} | Acct {id:acct:1}
Admission date: {d:-5:mdy}     Discharge date: {d:0:mdy}
Attending: {p:att:full}, MD     Service: Medicine, {loc:unit:1}
PCP: {p:pcp:fml}, {loc:clinic:1}

HISTORY: {pr:pt:Mr} {p:pt:last} is a {age90:pt}-year-old resident of {loc:snf:1} admitted with fever and confusion.

HOSPITAL COURSE:
1. Urosepsis. {m:Gram stain} showed gram-negative rods; the chronic {m:Foley catheter} was exchanged on {d:-4:md}. \
Cultures from {loc:lab:1} grew E. coli; ceftriaxone then cefpodoxime to complete 7 days.
2. Delirium, resolved. {m:Glasgow Coma Scale} 13 on arrival, 15 by day 3.
3. {m:Addison's disease}: stress-dose hydrocortisone, now back to 15 mg AM / 5 mg PM.

Goals of care were discussed on {d:-3:md} with the health-care proxy, {pr:child:rel} {p:child:nickq} \
({ph:paren:1}), and {pr:gchild:rel} {p:gchild:first}; DNR/DNI confirmed.

DISPOSITION: back to {loc:snf:1} in {loc:town:1}. Report called to {p:snfrn:full}, LPN, at {ph:paren:2}.
Follow-up with Dr. {p:pcp:last} within 1 week.

Dictated by: {p:res:full}, MD, resident, for {p:att:full}, MD
D: {d:0:mdy}  T: {d:+1:mdy}  {p:res:ini}/{p:typist:lini}  Job: {id:job:1}
cc: {p:pcp:fi}; {loc:snf:1}
"""),
    ('a07_home_health_referral', 'home-health referral', """\
HOME HEALTH REFERRAL / FACE-TO-FACE ENCOUNTER
Referral to: {loc:agency:1}     Fax: {ph:dash:1}     Intake: {p:intake:full}
Date sent: {d:0:iso}
Patient: {p:pt:Lf}     DOB: {d:dob:iso}     Medicare MBI: {id:mbi:1}
Home: {addr:1}, {loc:town:1}, {x:st} {zip:1}     Home phone: {ph:paren:2}
Lives with: {pr:spouse:rel}, {p:spouse:fml} (caregiver; cell {ph:paren:3})
Directions: blue house behind {loc:church:1}; side door.
Face-to-face encounter: {d:-3:mdy1} with {p:np:full}, NP, at {loc:clinic:1}.
Findings: s/p left total knee arthroplasty on {d:-10:md} at {loc:hosp:1}; walks 40 ft with a walker. \
{m:Charcot foot} on the right with a healed plantar ulcer. {m:Doppler} of the left leg negative on {d:-5:md}. \
Homebound: leaving home takes a taxing effort.
Services: skilled nursing (wound check, INR) 2x/week x 4 weeks; PT 3x/week; home health aide 2x/week.
Orders signed by: Dr. {p:ortho:full} (NPI {id:npi:1})
Pharmacy: {loc:pharm:1}
Notes: dog in home. Daughter-in-law {p:dil:first} works at {loc:employer:1} and visits evenings. Please call \
{p:spouse:first} before the first visit.
Therapist requested: {p:ptx:full}, PT (treated {pr:pt:him} before)
Referral coordinator: {p:coord:full}, ext. {ph:ext:1}
"""),
    ('a08_records_release', 'records-release authorization', """\
AUTHORIZATION FOR RELEASE OF PROTECTED HEALTH INFORMATION
{loc:hosp:1:U} - HEALTH INFORMATION MANAGEMENT

Patient name: {p:pt:full}          Other names used: {p:pt:prevf}
Date of birth: {d:dob:mdy}          SSN: {ssn:dash}          MRN: {id:mrn:1}
Address: {addr:1}, {loc:town:1}, {x:st} {zip:1}
Phone: {ph:dot:1}          E-mail: {email:pt}

I authorize {loc:hosp:1} and {loc:clinic:1} to release information to:
{p:atty:full}, attorney at law, {addr:2}, {loc:town:2}, {x:st} {zip:2}; fax {ph:dash:2}

Information to be released: records from {d:-200:mdy} to {d:0:mdy}; emergency and imaging records only \
(including the {m:Glasgow Coma Scale} flowsheet and {m:Doppler} studies). Psychotherapy notes are excluded.
Purpose: legal - motor vehicle collision of {d:-210:long}.
This authorization expires on {d:+365:mdy} unless revoked in writing.

Signature: {p:pt:full}          Date: {d:0:md}
If signed by a representative: {p:poa:full}          Authority: power of attorney
Witness: {p:him:full}, HIM specialist, badge {id:badge:1}
Request #: {id:req:1}          Processed by: {p:him:user}          Forms online: {url:forms:1}
Copy to: {p:pcp:full}, MD
"""),
    ('a09_school_note', 'work or school note', """\
{loc:peds:1}
{addr:1} * {loc:town:1}, {x:st} {zip:1} * {ph:paren:1}

{d:0:long}

To: {loc:school:1}, attention {p:nurse:full}, school nurse

Re: {p:pt:full} (DOB {d:dob:mdy1}, age {x:cage})

{p:pt:first} was seen in our office today for an asthma flare. {pr:pt:He} may return to school on \
{d:+2:wd_long}. Please allow {pr:pt:him} to carry an albuterol inhaler and to use 2 puffs before gym class with Coach \
{p:coach:last}. {pr:pt:He} should sit out of outdoor recess when the air-quality index is over 150, through the \
{d:+14:ord}.

A soft {m:heart} murmur was heard last year; an echocardiogram at {loc:hosp:1} on {d:-30:md} was normal, and there is \
no restriction on sports. {pr:pt:His} {m:blood} eosinophil count was mildly high.

{pr:pt:His} {pr:parent:rel}, {p:parent:full}, was with {pr:pt:him} today; please excuse {pr:parent:him} from work at \
{loc:employer:1} for the morning.

Questions: call our nurse line, {ph:paren:2}, and ask for {p:clinrn:first}.

Sincerely,

{p:dr:full}, MD, FAAP
{p:dr:ini}/{p:ma:lini}
"""),
    ('a10_parking_placard', 'disability parking-placard form', """\
APPLICATION FOR DISABILITY PARKING PLACARD - SECTION B: MEDICAL CERTIFICATION
Applicant: {p:pt:LF}     DOB: {d:dob:mdy}     Driver license / ID no.: {id:lic:1}
Residence: {addr:1}, {loc:town:1}, {loc:county:1}, ZIP {zip:1}
Vehicle plate (if any): {plate:1}     VIN: {vin:1}
Daytime phone: {ph:paren:1}
Usual driver (if not applicant): {p:child:full} ({pr:child:rel})

Certifying practitioner: {p:dr:full}, MD     Medical license no.: {id:medlic:1}     NPI: {id:npi:1}
Practice: {loc:clinic:1}, {addr:2}, {loc:town:2} {zip:2}     Phone: {ph:dash:2}

Qualifying condition (check all that apply):
[x] cannot walk 200 feet without stopping to rest
[x] lung disease: FEV1 34% of predicted
[ ] uses portable oxygen
Diagnoses: severe COPD; {m:Raynaud's} phenomenon with digital ulcers; {m:Parkinson's disease} with freezing.
Duration: [ ] permanent  [x] temporary, until {d:+180:mdy}
Examined on: {d:-2:mdy}
Practitioner signature: {p:dr:full}     Date: {d:0:mdy}

Applicant signature: {p:pt:full}     Office contact: {p:ofc:full}, MA
OFFICE USE: placard {id:placard:1} issued {d:+10:mdy} at {loc:dmv:1} by clerk {p:clerk:ini}
"""),
    ('a11_portal_access_log', 'patient-portal access log', """\
PRIVACY OFFICE - EHR ACCESS AUDIT REPORT
Case: {id:case:1}     Requested by: {p:po:full}, Privacy Officer, {loc:hosp:1}
Patient: {p:pt:LF}     MRN {id:mrn:1}     Portal account: {email:pt}
Period reviewed: {d:-30:mdy} - {d:0:mdy}

| Date | Time | User | Name / role | Action | Source IP |
| --- | --- | --- | --- | --- | --- |
| {d:-29:mdy} | {x:hms} | {p:u1:user} | {p:u1:Lf}, RN | Viewed chart | {ip:1} |
| {d:-21:mdy} | {x:hms} | {p:pt:user} | patient (portal) | Viewed {m:Holter} report | {ip:2} |
| {d:-9:mdy} | {x:hms} | {p:u3:user} | {p:u3:Lf}, Billing | Printed {m:Doppler} bill | {ip:3} |
| {d:-2:mdy} | {x:hms} | {p:u4:user} | {p:u4:Lf}, Environmental Svcs | Viewed chart | {ip:4} |

Portal sign-in page: {url:portal:1}
Patient's portal message of {d:-1:mdy}, as typed: "i think {p:u4:lfirst} from next door looked at my chart, \
{pr:u4:he} told my {pr:sib:rel} {p:sib:lfirst} about my {m:heart} test before i did"
Finding: the access by {p:u4:user} ({p:u4:full}) had no treatment or business purpose; {p:u4:first} is the \
patient's neighbor. Manager {p:mgr:full} notified on {d:0:md}.
"""),
    ('a12_ems_mvc_handoff', 'police/EMS MVC handoff', """\
EMS PATIENT CARE REPORT - HANDOFF SUMMARY
Agency: {loc:ems:1}     Incident #: {id:case:1}     Date: {d:0:mdy}
Dispatched {x:time}     On scene {x:time}     At hospital {x:time}
Receiving: {loc:hosp:1} emergency department; report to {p:rn:full}, RN
Patient: {p:pt:LF}, age {x:age} (identified from driver license {id:lic:1})
Scene: two-vehicle collision in front of {addr:1}, {loc:town:1}. Restrained driver, airbags deployed, \
self-extricated, ambulatory at scene.
Vehicle 1 (patient): gray sedan, plate {plate:1}, VIN {vin:1}; front-end damage.
Vehicle 2: pickup, plate {plate:2}; driver {p:drv2:full} declined transport.
Officer on scene: Sgt. {p:officer:full}, {loc:police:1}, badge {id:badge:1}; crash report {id:report:1}.
Assessment: {m:Glasgow Coma Scale} 14 (E3V5M6); no {m:Battle sign}; seat-belt sign across chest; c-collar on. BP \
132/80, HR 104.
Passenger: {pr:child:rel} {p:child:first}, taken by a second unit to {loc:hosp:2}.
Crew: {p:emt1:full}, EMT-P ({p:emt1:ini}); {p:emt2:full}, EMT-B.
Handoff received by {p:rn:ini} at {x:time}. Patient's {pr:sib:rel} {p:sib:full} notified at {ph:dash:1}.
"""),
    ('a13_neurology_consult', 'consult note', """\
NEUROLOGY CONSULTATION
Requesting physician: {p:req:full}, MD (hospital medicine)     Date: {d:0:dmy}
Patient: {p:pt:full}     MRN {id:mrn:1}     Location: {loc:unit:1}, {loc:hosp:1}

Reason: tremor and change in gait.
HPI: {p:pt:first} is {x:aage}-year-old right-handed retired machinist from {loc:town:1} who worked for \
{loc:employer:1} for 30 years. History is from the patient and {pr:pt:his} {pr:spouse:rel} {p:spouse:full}, with \
{pr:pt:lang} interpreter {p:interp:full} (ID {id:interp:1}). A left-hand tremor began in {d:-400:my}; \
{pr:pt:he} now shuffles and has fallen twice.
Exam: rest tremor L>R, cogwheel rigidity, reduced arm swing, hypomimia. {m:Babinski sign} absent bilaterally. \
{m:Kernig} and {m:Brudzinski} signs negative. No {m:Lhermitte} phenomenon.
Impression: idiopathic {m:Parkinson's disease}, Hoehn and Yahr stage 2.
Plan: DaT scan at {loc:imaging:1}; start carbidopa-levodopa 25/100 TID. Follow-up with Dr. {p:neuro2:full} at \
{loc:neuro:1} ({ph:paren:1}) on {d:+30:abbr}.
Discussed with Dr. {p:req:last}. Seen with resident {p:res:full}.

{p:me:full}, MD, Neurology     pager {ph:pager:1}
"""),
    ('a14_telephone_encounter', 'telephone encounter', """\
TELEPHONE ENCOUNTER
{loc:clinic:1}     {d:0:wd_long} {x:time12}
Caller: {p:caller:full} ({pr:caller:rel}) at {ph:dash:1}; verified patient name and DOB {d:dob:mdy1}
Patient: {p:pt:Lf}     MRN: {id:mrn:1}
Chart listed the name as {p:pt:missf}; spelling corrected to {p:pt:full} per caller.

Reason: {pr:pt:He} has had spinning vertigo since {d:-2:md}, worse rolling over in bed and with straining \
({m:Valsalva}). No new weakness or slurred speech. An {m:Epley maneuver} done in clinic by Dr. {p:dr:last} last month \
helped for two weeks.
Advice: call 911 for facial droop, weakness, or worst headache. Meclizine 12.5 mg sent to {loc:pharm:1}.
Plan: visit tomorrow with {p:np:full}, NP, at {x:time12}. If {p:caller:first} cannot drive, neighbor \
{p:nbr:full} may bring {pr:pt:him}.
Routed to: {p:dr:ini}, {p:np:ini}
Call back on {d:+1:md} by {p:rn:first} if no better.
-- {p:rn:full}, RN     {d:0:mdy}
"""),
    ('a15_social_work', 'social work note', """\
SOCIAL WORK ASSESSMENT
Date: {d:0:mdy}     Patient: {p:pt:full} ("{p:pt:nick}")     MRN {id:mrn:1}
Referred by Dr. {p:dr:full} for discharge planning and housing instability.

Met with the patient at the bedside on {loc:unit:1}. {pr:pt:He} is {x:aage}-year-old {pr:pt:man} from \
{loc:country:1} who has lived in {loc:town:1} since {x:year}. Until {d:-60:my} {pr:pt:he} stayed with \
{pr:pt:his} {pr:sib:rel} {p:sib:full} at {addr:1}; since then {pr:pt:he} has slept at {loc:shelter:1}. The case \
manager there is {p:cm:full} ({ph:paren:1}).
Medical: admitted with a {m:Crohn's disease} flare; {m:Bell's palsy} last year, resolved.
Income: part-time work at {loc:employer:1}; SSI application pending (claim {id:claim:1}).
Supports: {loc:church:1}; Pastor {p:pastor:last} visits weekly. A friend, "{p:friend:nick}" ({p:friend:full}), has \
offered a couch for two weeks.
Plan: respite bed at {loc:shelter:2} from {d:+1:md}; bus pass given; follow-up at {loc:clinic:1} with \
{p:pcp:fi}; phone screening for depression (PHQ-9 = 11).

{p:sw:full}, LCSW     ext. {ph:ext:1}
"""),
    ('a16_transfer_form', 'transfer form', """\
INTERFACILITY TRANSFER FORM
Sending facility: {loc:hosp:1}, {loc:town:1}     Unit: {loc:unit:1}
Receiving facility: {loc:hosp:2}, {loc:town:2}     Unit: CCU
Accepting physician: Dr. {p:acc:full}     Accepted {d:0:mdy} by phone
Sending physician: {p:send:full}, DO     Phone {ph:paren:1}
Patient: {p:pt:LF}     DOB {d:dob:mdy}     Age {x:age}     MRN (sending) {id:mrn:1}
Reason: inferior STEMI, thrombolysis at {x:time} with ongoing chest pain; needs catheterization. Not a candidate for \
{m:Swan-Ganz} placement here. Runs of VT on telemetry; {m:Holter} last year normal.
Vitals at transfer: BP 104/62, HR 98, SpO2 95% on 2 L.
Report given by {p:rn1:full}, RN to {p:rn2:full}, RN at {x:time}.
Transport: {loc:ems:1}, critical-care crew {p:crew1:lastfi} and {p:crew2:lastfi}.
Belongings: wallet and phone with {pr:spouse:rel} {p:spouse:full}, who will drive ({ph:dash:2}).
Consent for transfer signed by {p:pt:full} on {d:0:md}; witness {p:wit:ini}.
Records sent by fax to {ph:dash:3}: face sheet, MAR, ECGs, labs.
"""),
    ('a17_lab_result_letter', 'lab result letter', """\
{loc:clinic:1:U}
{addr:1}
{loc:town:1}, {x:st} {zip:1}

{d:0:long}

{p:pt:full}
{addr:2}
{loc:town:2}, {x:st} {zip:2}

Dear {pr:pt:Mr} {p:pt:last},

Your lab tests from {d:-7:long}, collected at {loc:lab:1}, are back, and Dr. {p:dr:last} and {p:np:full}, NP, have \
reviewed them. Your hemoglobin was 13.2 and your A1c was 6.1%, which is in the prediabetes range. Your urine test for \
{m:Bence Jones} protein was negative. Your thyroid tests were normal and do not suggest {m:Graves' disease}.

Please keep your visit on {d:+21:mon_d}. You can see all of your results at {url:portal:1}. If you have questions, \
call {p:rn:full}, RN, at {ph:paren:1}. {p:ma:first} from our office will call you to book.

Sincerely,

{p:dr:fml}, MD
Accession: {id:acc:1}     MRN: {id:mrn:1}
cc: {p:ref:full}, MD, {loc:endo:1}
"""),
    ('a18_prior_authorization', 'prior authorization letter', """\
LETTER OF MEDICAL NECESSITY / PRIOR AUTHORIZATION REQUEST
Date: {d:0:mdy}
To: Utilization Management Department, fax {ph:dash:1}
Member: {p:pt:full}     Member ID: {id:member:1}     Group: {id:group:1}     DOB: {d:dob:mdy}
Prescriber: {p:dr:full}, MD     NPI {id:npi:1}     DEA {id:dea:1}
Practice: {loc:gi:1}, {addr:1}, {loc:town:1}, {x:st} {zip:1}     Phone {ph:paren:2}

Medication requested: adalimumab 40 mg subcutaneously every 14 days.
Diagnosis: {m:Crohn's disease}, ileocolonic, diagnosed in {d:-400:my} at {loc:hosp:1}.
History: prednisone courses x3 and azathioprine failed; colonoscopy on {d:-30:mdy} by Dr. {p:gi:last} showed deep \
ulcers in the terminal ileum. Stool {m:Gram stain} and cultures negative. Fecal calprotectin 890. CRP 4.2.
This request follows denial {id:claim:1} dated {d:-10:md} and a peer-to-peer review with Dr. {p:plan:full} on \
{d:-3:md} at {x:time}.
Contact for this request: prior authorization coordinator {p:coord:full}, {email:coord@gi:1}, ext. {ph:ext:1}.

Signature: {p:dr:full}, MD
cc: {p:pt:full}; {p:pcp:full}, MD
"""),
    ('a19_death_note', 'hospice/death note', """\
HOSPICE DEATH VISIT NOTE
Patient: {p:pt:LF}     Age: {age90:pt}     Hospice: {loc:hospice:1}     MRN: {id:mrn:1}
Call received at {x:time} on {d:0:mdy} from {p:aide:full}, hospice aide: patient not breathing.
Arrived at the home, {addr:1}, {loc:town:1}, at {x:time}. Present: {pr:child:rel} {p:child:full}, \
{pr:child2:rel} {p:child2:first}, and Pastor {p:pastor:full} of {loc:church:1}.
Exam: no spontaneous respirations; no {m:heart} sounds on auscultation for one full minute; pupils fixed and \
dilated. Time of death {x:time}.
History: {m:Hodgkin lymphoma} in remission since {x:year}; end-stage heart failure; comfort care since {d:-40:mdy}.
Notified: attending Dr. {p:att:full} ({ph:dash:1}); {loc:funeral:1} ({ph:dash:2}); body released at {x:time} \
to {p:fh:full}. Remaining morphine solution wasted with {p:child:first} as witness; second nurse {p:rn2:ini}.
Bereavement follow-up assigned to {p:chap:full}, chaplain.
{p:rn:full}, RN, hospice case manager
"""),
    ('a20_immunization_record', 'immunization record', """\
IMMUNIZATION RECORD - VACCINE ADMINISTRATION
{loc:peds:1} - {loc:town:1}
Name: {p:pt:LF}     DOB: {d:dob:mdy}     Age: {x:cage}     Sex: {pr:pt:sex}
Parent/guardian: {p:parent:full} ({pr:parent:rel})     Phone: {ph:paren:1}
School: {loc:school:1}     State registry ID: {id:reg:1}

| Vaccine | Date given | Site | Given by | VIS date |
| --- | --- | --- | --- | --- |
| Tdap (Boostrix) | {d:0:mdy} | L deltoid | {p:ma:ini} | {d:-500:mdy} |
| MenACWY (Menveo) | {d:0:mdy} | R deltoid | {p:ma:ini} | {d:-700:mdy} |
| HPV9 (Gardasil 9) dose 1 | {d:0:mdy} | L deltoid | {p:rn:ini} | {d:-900:mdy} |
| Influenza (Flucelvax) | {d:-160:mdy} | R deltoid | outside: {loc:pharm:1} | - |

Key: {p:ma:ini} = {p:ma:full}, CMA; {p:rn:ini} = {p:rn:full}, RN
Screening: {m:Kawasaki disease} at age 2, IVIG more than 11 months ago; no {m:blood} products since.
Consent given by {p:parent:first}. Observed 15 minutes; no reaction. Ordered by {p:dr:full}, MD.
Next due: HPV dose 2 on or after {d:+180:mdy}. Reminder sent to {email:parent}.
"""),
    ('a21_incident_report', 'incident report', """\
SAFETY EVENT REPORT   No. {id:report:1}
Event date/time: {d:-1:mdy} {x:time:ev}     Reported: {d:0:mdy}
Location: {loc:unit:1}, {loc:hosp:1}
Person affected: {p:pt:LF} (patient)     MRN {id:mrn:1}
Event type: fall, unassisted
Description: at about {x:time:ev} {p:pt:first} was found on the floor beside the bed by {p:cna:full}, CNA. The bed \
alarm was off. {m:Morse Fall Scale} 65 on admission. A visitor of the {age90:rm}-year-old roommate, {p:vis:full}, \
heard \
the fall.
Injury: 2 cm scalp laceration; head CT negative; {m:Glasgow Coma Scale} 15; wound closed with staples.
Notified: Dr. {p:md:full} at {x:time}; {pr:child:rel} {p:child:full} by phone ({ph:paren:1}); nurse manager \
{p:nm:full}.
Contributing factors: new zolpidem order, {m:Foley catheter} tubing across the floor, non-skid socks not on.
Reporter: {p:rep:full}, RN     ext. {ph:ext:1}     Reporter user ID: {p:rep:user}
Follow-up owner: {p:risk:fi}, Risk Management
"""),
    ('a22_optometry_referral', 'dental or optometry referral', """\
OPTOMETRY REFERRAL TO OPHTHALMOLOGY
From: {p:od:full}, OD, {loc:eye:1}, {addr:1}, {loc:town:1} {zip:1}     Ph {ph:dot:1}
To: {p:oph:full}, MD, {loc:eye:2}
Date: {d:0:abbr}
Patient: {p:pt:full}     DOB {d:dob:mdy}     Phone {ph:dot:2}     Insurance ID {id:member:1}

Reason for referral: elevated intraocular pressure with pigment dispersion.
Findings: IOP 28 OD and 24 OS by applanation at {x:time}. Radial {m:iris} transillumination defects OU; {m:Krukenberg} \
spindle. Cup-to-disc 0.6 OD, 0.4 OS. Dry eye with a history of {m:Sjögren's}.
Testing by {p:tech:full}, technician ({p:tech:ini}). Please evaluate for glaucoma and SLT. Visual field and OCT from \
{d:-14:md} are attached.
{pr:pt:He} is {x:aage}-year-old driver for {loc:employer:1} and prefers morning visits. {pr:pt:His} \
{pr:spouse:rel}, {p:spouse:full}, may call to schedule.

Thank you,
Dr. {p:od:last}
cc: {p:pcp:full}, {loc:clinic:1}
"""),
]

# ---------------------------------------------------------------------------------------------------------------------
# Templates for 30b (documents 26-50): the same kinds of document in other layouts and other wording.
# ---------------------------------------------------------------------------------------------------------------------
TEMPLATES_B = [
    ('b01_referral_letter', 'referral letter', """\
{loc:peds:1}
Developmental-Behavioral Pediatrics
{addr:1}
{loc:town:1}, {x:st} {zip:1}
phone {ph:dot:1} / fax {ph:dot:2}

{d:0:dMy}

{loc:hosp:1}
Division of Medical Genetics
Attn: {p:gen:full}, MD, and {p:gc:full}, MS, CGC
{addr:2}
{loc:town:2}, {x:st} {zip:2}

Dear Dr. {p:gen:last} and {pr:gc:Mr} {p:gc:last},

Re: {p:pt:LFn} | born {d:dob:long} | our chart {id:mrn:1}

I am writing to refer {p:pt:first}, {x:aagec}-year-old {pr:pt:boy} with global developmental delay, low tone and \
short stature. A karyotype at birth excluded {m:Down syndrome}; a chromosomal microarray was normal. An echo showed a \
small atrial septal defect, and the {m:heart} is otherwise normal. {pr:pt:His} {pr:parent:rel}, {p:parent:full}, \
tells me that a cousin, {p:cousin:full}, was evaluated in {loc:country:1} for a similar picture.

The family prefers appointments after {x:time12} because {p:parent:first} works at {loc:employer:1}. The best number \
is {ph:dash:3}.

With thanks,

{p:me:full}, MD

cc: {p:parent:full} (parent)
cc: {p:pcp:full}, MD, {loc:peds:2}
cc: early intervention coordinator {p:ei:full}
{p:me:ini}:{p:typist:lini}
"""),
    ('b02_medication_history', 'medication reconciliation', """\
PRIOR-TO-ADMISSION MEDICATION HISTORY
Obtained {d:0:abbr} {x:time} by pharmacy technician {p:tech:full} ({p:tech:user}); verified by {p:pharmd:full}, PharmD
Patient: {p:pt:Lf}  |  {x:age} y  |  {pr:pt:sex}  |  MRN {id:mrn:1}  |  Enc {id:enc:1}
Sources:
  * patient interview (limited; hard of hearing)
  * {pr:child:rel} {p:child:full}, phone {ph:slash:1}, who brought the pill bottles
  * dispensing history: {loc:pharm:1} and mail order (Rx {id:rx:1})
  * outside records: {loc:clinic:1}, last visit {d:-35:mdy2} with {p:pcp:fi}
Medications:
  1. warfarin 5 mg Mon/Wed/Fri and 2.5 mg other days; INR followed at {loc:anticoag:1}; last INR 2.6 on {d:-6:abbr_d}
  2. furosemide 40 mg daily, taken at noon
  3. hydrocortisone 15 mg AM / 5 mg PM for {m:Addison's disease}
  4. artificial tears QID for dry eyes from {m:Sjögren's}
  5. tamsulosin 0.4 mg at bedtime: stopped by urology ({p:uro:fi}) on {d:-20:md}
  6. an herbal tea bought at a market in {loc:town:1}; contents unknown
Discrepancies sent to Dr. {p:hm:last} by secure chat at {x:time}; resolved per {p:hm:ini}.
{p:child:first} asks that future calls go to {pr:child2:rel} {p:child2:full} at {ph:dash:2}.
"""),
    ('b03_ed_triage_note', 'ED triage form', """\
ED NURSING TRIAGE NOTE     {d:0:dmyU} {x:hhmm}
{p:pt:FLU}, {age90:pt} y/o {pr:pt:Sex}, arrived by {loc:ems:1} from {loc:snf:1} in {loc:town:1} after an unwitnessed \
fall on the way to the bathroom. Aide {p:aide:full} found {pr:pt:him} at {x:time12}. The facility wristband reads \
"{p:pt:missLF}"; registration ({p:reg:user}) corrected it to {p:pt:LF}. MRN {id:mrn:1}, CSN {id:enc:1}.
Complains of R hip pain 8/10; R leg shortened and externally rotated. Denies head strike but has dementia. On \
warfarin, INR 2.8 on {d:-4:mdy2} per the facility MAR. GCS 14. T 37.4, HR 88 irregular, BP 162/78, SpO2 94% RA.
PMH: atrial fibrillation, {m:Cushing's syndrome} from long-term prednisone, {m:Graves' disease} treated in {x:year}.
Contacts: {pr:child:rel} {p:child:full} (health-care POA) {ph:plus:1}; {pr:gchild:rel} {p:gchild:nickq} \
{ph:paren:3}.
Facility nurse {p:snfrn:full}, LPN, gave report from {ph:paren:2}.
Code status: DNR per POLST of {d:-300:mdy}, signed by Dr. {p:snfmd:full}.
Bed: {loc:unit:1}. ESI 2. Fall-risk band on. Triage RN {p:rn:fi}.
"""),
    ('b04_procedure_note', 'operative report', """\
PROCEDURE NOTE - HAND SURGERY
Date of service: {d:0:iso}     Site: {loc:ortho:1}, ambulatory surgery suite
Name: {p:pt:Lf}     Record no. {id:mrn:1}     Account {id:acct:1}
Operating surgeon: Dr. {p:surg:fml}     First assistant: {p:asst:fi}, RNFA
Anesthesia: wide-awake local (lidocaine with epinephrine), no tourniquet; standby {p:anes:full}, MD
Indications: {x:age}-year-old warehouse worker at {loc:employer:1} with two years of numbness, a positive {m:Tinel} \
and {m:Phalen} at the right wrist, and thenar atrophy. EMG at {loc:neurodx:1} on {d:-50:dmy} showed severe median \
neuropathy.
Procedure: right open carpal tunnel release through a 2.5 cm incision in line with the radial border of the ring \
finger; transverse carpal ligament divided under direct vision; recurrent motor branch intact. Skin closed with 4-0 \
nylon. The {m:hand} was placed in a bulky soft dressing.
Time-out led by {p:circ:full}, RN; counts by {p:circ:ini}/{p:scrub:ini}.
Complications: none. EBL minimal. Went home with {pr:pt:his} {pr:spouse:rel}, {p:spouse:full}.
Follow-up: suture removal with {p:ot:full}, OTR/L, at {loc:therapy:1} on {d:+12:wd_md}. Workers' compensation claim \
{id:claim:1}; adjuster {p:adj:full} at {ph:one:1} ext. {ph:ext:2}.
Electronically signed: {p:surg:full}, MD     {d:0:mdy} {x:time}
"""),
    ('b05_going_home', 'discharge instructions', """\
GOING HOME FROM {loc:childhosp:1:U}
Child: {p:pt:full}     Birth date: {d:dob:mdy2}     Went home: {d:0:abbr}     Visit {id:enc:1}
Parents: {p:mother:full} and {p:father:full}

Why {p:pt:first} was in the hospital: appendicitis. The appendix was removed by laparoscopy on {d:-2:wd_md}. \
{pr:pt:He} is {x:cage} and stayed on {loc:unit:1}.
[x] Acetaminophen every 6 hours as needed for pain; ibuprofen may be added.
[x] Keep the small incisions dry for 48 hours, then showers are fine.
[ ] No antibiotics at home.
Your care team: Dr. {p:surg:full} (surgery); nurses {p:rn1:first} and {p:rn2:first}; child life specialist \
{p:cls:full}.
Follow-up: {loc:peds:1} with Dr. {p:pcp:last} in 1 to 2 weeks. If the office is closed, call {ph:paren:1}.
School: {pr:pt:he} may go back to {loc:school:1} on {d:+5:mon_d}; no gym or recess sports until the {d:+14:ord}.
Born at 36 weeks at {loc:hosp:2}; {m:Apgar} scores 8 and 9. No {m:blood} thinners.
Call us or come back for fever over 101, vomiting, a swollen or red incision, or pain that keeps getting worse.
Surgery clinic nurse line: {ph:dash:2}.
Signed: {p:mother:full} (parent)     {p:rn1:full}, RN     {x:time}
"""),
    ('b06_hospital_summary', 'discharge summary', """\
HOSPITAL DISCHARGE SUMMARY - {loc:hosp:1}
Name: {p:pt:Lf}     DOB {d:dob:long}     MRN {id:mrn:1}
Admitted {d:-8:abbr}; discharged {d:0:abbr}
Discharging provider: {p:hm:full}, PA-C; supervising physician Dr. {p:att:last}
Consultants: cardiology ({p:card:fi}), endocrinology ({p:endo:fi})
Principal diagnosis: hyperosmolar hyperglycemic state
Other diagnoses: suspected ACTH-dependent {m:Cushing's syndrome}; hypokalemia; acute kidney injury, resolved.
Brief history: {x:age}-year-old found confused at home in {loc:town:1} by {pr:pt:his} roommate {p:room:full}.
Course: insulin infusion in the MICU for 2 days; 24-hour urine cortisol sent to {loc:lab:1} (accession \
{id:acc:1}); pituitary MRI on {d:-2:mdy} showed a 6 mm adenoma. Echo normal; {m:Holter} showed no arrhythmia.
Pending at discharge: late-night salivary cortisol, to be followed by {p:pcp:full}, NP.
Disposition: home with {loc:agency:1}; diabetes teaching with {p:cde:full}, RD, CDCES.
Appointments: {loc:clinic:1} on {d:+7:mdy} at {x:time12}; endocrinology at {loc:endo:1} on {d:+14:mdy}.
Contacts: roommate {p:room:first} {ph:paren:1}; {pr:parent:rel} {p:parent:full} in {loc:town:2}.
Signed {p:hm:full}, PA-C, {d:0:mdy} {x:time}; cosigned {p:att:full}, MD.
"""),
    ('b07_home_health_email', 'home-health referral', """\
From: {email:cm@rehab:1}
To: {email:org@agency:1}
Sent: {d:0:wd_abbr} {x:time12}
Subject: New referral - {p:pt:LFn} - SN/PT/OT/ST, start of care {d:+2:md}

Hi {loc:agency:1} intake team,

Please see the referral below for {p:pt:full}, going home today from {loc:rehab:1}.
- Address: {addr:1}, {loc:town:1} {zip:1} (second floor, 14 stairs, no rail)
- Phones: home {ph:seven:1}; {pr:child:rel} {p:child:full} {ph:dot:2}
- DOB {d:dob:mdy}; Medicaid ID {id:member:1}
- Diagnoses: left MCA stroke with right hemiparesis; the aphasia is expressive, not {m:Wernicke} type.
- Orders signed by {p:phys:full}, DO; face-to-face visit on {d:-1:mdy} by {p:np:full}, NP.
- PCP: Dr. {p:pcp:last} at {loc:clinic:1}, fax {ph:dash:3}.
- Speech therapy: a therapist who speaks {pr:pt:lang} if you have one; otherwise {p:child:first} interprets.
- Tolerated {m:Valsalva} and transfers with moderate assist of one.
Please confirm by reply or call me at {ph:paren:4}.
cc: {p:sw:full}, LCSW; {p:pcp:fi}

Thanks,
{p:cm:first}
{p:cm:full}, RN, BSN | Case Manager | {loc:rehab:1}
"""),
    ('b08_access_request', 'records-release authorization', """\
REQUEST FOR ACCESS TO MY HEALTH RECORDS (please print)
Last name: {p:pt:LU}          First name: {p:pt:first}
Former or maiden name: {p:pt:prevf}
Date of birth: {d:dob:mdyd}          Social Security no.: {ssn:space}
Medical record no. (if known): {id:mrn:1}
Mailing address: {addr:1}
City: {loc:town:1}          State: {x:st}          ZIP: {zip:1}
Best phone: {ph:parenx:1}          Other phone: {ph:dot:2}
Records from: [x] {loc:hosp:1}   [x] {loc:clinic:1}   [ ] other
Dates of service: {d:-90:mdy} through {d:-60:mdy}
Type: [x] lab results  [x] imaging reports and images (CD)  [x] office notes  [ ] billing
Reason: second opinion on my {m:Hodgkin lymphoma} scans and the {m:bone} marrow biopsy
Deliver by: [x] secure e-mail to {email:pt}   [ ] pick up   [x] send to my app through {url:portal:1}
Also send a copy to: {p:child:full} ({pr:child:rel}), {addr:2}, {loc:town:2}, {x:st} {zip:2}
Patient signature: {p:pt:full}          Date: {d:0:mdyd}
------------------------------------------------------------ office use
Notary (if mailed): {p:notary:full}. Identity checked by {p:clerk:ini} against driver license {id:lic:1}. Fee waived \
per {p:sup:full}, HIM supervisor.
Received {d:0:compact} {x:hhmm}; request {id:req:1}; assigned to {p:him:user}.
"""),
    ('b09_work_status', 'work or school note', """\
WORK STATUS REPORT - OCCUPATIONAL HEALTH
Employee: {p:pt:full}     Age: {x:age}     Employee no.: {id:badge:1}
Employer: {loc:employer:1}     Supervisor: {p:sup:full}
Claims contact: {p:hr:full}, {email:hr@employer:1}
Date of injury: {d:-9:mdy}     Date of visit: {d:0:mdy}     Claim no.: {id:claim:1}
Clinic: {loc:occmed:1}, {addr:1}, {loc:town:1} {zip:1}, phone {ph:dash:1}
Diagnosis: lumbar strain after lifting a 60 lb bag; straight-leg raise negative; no {m:Trendelenburg} gait; pain \
not worse with {m:Valsalva}.
Work status:
( ) full duty without restrictions
(x) modified duty from {d:0:md} to {d:+14:md}: no lifting over 15 lb, no ladders, sit or stand as needed, 4-hour \
shifts the first week
( ) off work
Next visit: {d:+14:wd_abbr} with {p:pa:full}, PA-C.
Physical therapy: {loc:therapy:1} ({ph:paren:2}), twice a week; therapist {p:ptx:fi}.
Provider: {p:dr:full}, DO     Initials: {p:dr:ini}
Employee acknowledgment: {p:pt:full}
Faxed to {loc:employer:1} at {ph:dash:3} by {p:ma:first}.
"""),
    ('b10_placard_certification', 'disability parking-placard form', """\
PHYSICIAN'S CERTIFICATION OF DISABILITY FOR A PARKING PERMIT
Part 1 - applicant
 1. Full legal name: {p:pt:FLU}
 2. Date of birth: {d:dob:dMy}     3. Sex: {pr:pt:sex}
 4. Home address: {addr:1}     City: {loc:town:1}     County: {loc:county:1}     ZIP: {zip:1}
 5. ID card or license number: {id:lic:1}
 6. Plate of the vehicle usually used: {plate:1}, registered to {p:spouse:full}; VIN {vin:1}
Part 2 - licensed practitioner
 7. Condition that limits walking: cervical spondylotic myelopathy with a positive {m:Lhermitte} sign and a \
wide-based gait; walks 60 feet with a cane. Also {m:Charcot foot} on the left.
 8. Permanent? No. Expected until: {d:+365:my}
 9. Practitioner: {p:dr:LF}     [x] MD  [ ] DO  [ ] APRN  [ ] PA
10. License no. {id:medlic:1}     State: {x:st}     NPI {id:npi:1}
11. Office: {loc:ortho:1}, {addr:2}, {loc:town:2}, {x:st} {zip:2}     Tel {ph:dot:1}
12. Signature: {p:dr:full}     Date signed: {d:0:mdy}     Witness: {p:wit:full}
Processed at {loc:dmv:1} on {d:+6:mdy}; permit {id:placard:1}; clerk {p:clerk:user}.
Form brought in by the applicant's {pr:child:rel}, {p:child:full}.
"""),
    ('b11_portal_activity_export', 'patient-portal access log', """\
MyHealth portal - sign-in and proxy activity export
Generated {d:0:iso} {x:hms0} by {p:analyst:user} ({p:analyst:full}, IT Security)
Account holder: {p:pt:Lf}     MRN {id:mrn:1}     Notices to: {email:pt}
Proxy: {p:proxy:full} ({pr:proxy:rel}), proxy since {d:-400:mdy}
Sign-in page: {url:portal:1}

timestamp,username,event,ip_address,detail
{d:-6:iso} {x:hms},{p:pt:user},LOGIN_OK,{ip:1},
{d:-6:iso} {x:hms},{p:pt:user},MSG_SENT,{ip:1},to {p:dr:fi}
{d:-4:iso} {x:hms},{p:proxy:user},LOGIN_OK,{ip:2},proxy
{d:-4:iso} {x:hms},{p:proxy:user},VIEW_RESULT,{ip:2},{m:Gram stain} wound culture
{d:-1:iso} {x:hms},{p:pt:user},LOGIN_FAIL,{ip:3},bad password x3
{d:-1:iso} {x:hms},{p:helpdesk:user},PASSWORD_RESET,{ip:4},ticket {id:case:1}

Message body ({d:-6:mdy}, typed by the patient):
"hi, its {p:pt:lfirst}. my {pr:proxy:rel} {p:proxy:lfirst} will read my results for me while i stay at \
{p:friend:lower}'s in {loc:town:1:L} until the {d:+10:ord}. the {m:Holter} thing itches, can i take it off early. \
please dont call the house phone"
"""),
    ('b12_trauma_mist_handoff', 'police/EMS MVC handoff', """\
TRAUMA BAY HANDOFF (MIST) - {loc:hosp:1}
Date {d:0:mdy2}     Arrival {x:hhmm}     Trauma number {id:case:1}
Patient: {p:pt:LF}, {x:age} y, identified by {pr:pt:his} {pr:spouse:rel}, {p:spouse:full}, on arrival.
M - motorcyclist struck by a car at about 40 mph, helmeted, outside {addr:1} near {loc:school:1}, {loc:town:1}.
I - open left tibia and fibula fracture with exposed {m:bone}; abrasions of the right forearm; left clavicle tender.
S - HR 118, BP 98/60, RR 24, SpO2 96% on NRB; {m:Glasgow Coma Scale} 15.
T - two large-bore IVs, 1 L LR, splint, fentanyl 100 mcg, TXA 1 g.
Medic: {p:medic:full}, paramedic, {loc:ems:1}; cell {ph:dash:1}.
Police: Officer {p:officer:full} and Officer {p:officer2:last}, {loc:police:1}; report {id:report:1}. Motorcycle \
plate {plate:1}. Other vehicle plate {plate:2}, VIN {vin:1}; its driver, {p:drv2:full}, was cited at the scene.
Police asked for a blood alcohol level; the patient declined. Officer callback {ph:paren:2}.
Team: Dr. {p:tsurg:full} (trauma attending), {p:res:full} (PGY-3), recorder {p:tn:full}, RN ({p:tn:ini}), scribe \
{p:scribe:ini}.
"""),
    ('b13_rheumatology_consult', 'consult note', """\
Inpatient Rheumatology Consult Note
Seen {d:0:wd_long} at {x:time12} at the request of {p:req:fi}, MD, for pancytopenia and rash.

{p:pt:full} is {x:aage}-year-old {pr:pt:lang}-speaking {pr:pt:man} from {loc:country:1} (interpreter \
{p:interp:first}, badge {id:badge:1}). A photosensitive rash began in {d:-120:my}; {pr:pt:he} has dry eyes and mouth \
(?{m:Sjögren's}) and fingers that turn white in the cold ({m:Raynaud's}). Seen at {loc:rheum:1} by Dr. \
{p:rheum2:last} in {x:year}.
Family history: {pr:parent:rel} {p:parent:full} had lupus; a {pr:sib:rel} has {m:Graves' disease}.
Social: cook at {loc:employer:1}; lives with {p:spouse:first} ({pr:spouse:rel}) in {loc:town:1}.
Labs: ANA 1:1280 speckled, anti-dsDNA 310, C3 42, direct antiglobulin test positive, haptoglobin < 10.
Assessment: systemic lupus erythematosus with autoimmune hemolytic anemia.
Plan: hydroxychloroquine 400 mg daily; prednisone 1 mg/kg; urine protein-creatinine ratio; renal consult if > 0.5.
Discussed with Dr. {p:req:last}; clinic follow-up with me on {d:+14:md}. Overnight questions: {p:fel2:full}.
{p:me:full}, MD | rheumatology fellow | pager {ph:pager:1} | attending {p:att:full}, MD
"""),
    ('b14_answering_service', 'telephone encounter', """\
AFTER-HOURS ANSWERING SERVICE - MESSAGE LOG
Practice: {loc:clinic:1}     On call: Dr. {p:oncall:full}     Operator: {p:op:ini}
Msg 1   {d:0:mdy} {x:ntime12}   Caller: {p:caller:full} ({pr:caller:rel} of patient)   Callback {ph:paren:1}
  Re: {p:pt:Lf}, DOB {d:dob:mdy}, {x:age} y. INR 4.9 at {loc:lab:1} today on warfarin; small nosebleed, stopped \
with pressure. No black stools; history of a {m:Mallory-Weiss} tear in {x:year}.
  Returned by Dr. {p:oncall:last} at {x:ntime12}: hold warfarin tonight; recheck INR {d:+2:md} at {loc:anticoag:1}.
Msg 2   {d:+1:mdy} {x:ntime12}   Caller: pharmacist {p:rph:full}, {loc:pharm:1}, {ph:dash:2}
  Re: same patient. Fluconazole prescribed by {p:urg:fi} at {loc:urgent:1} interacts with warfarin.
  Returned {x:ntime12}: fluconazole cancelled; pharmacist read back the order.
Msg 3   {d:+1:mdy} {x:ntime12}   Caller: patient, cell {ph:paren:3}
  "my nose stopped bleeding, do i still skip the pill tonight" - per {p:oncall:ini}: yes, and no {m:blood} thinner \
until the recheck. Forwarded to anticoagulation nurse {p:acn:full} for Monday.
Log closed by {p:op:first} ({p:op:ini}) at {x:time}.
"""),
    ('b15_social_work_collateral', 'social work note', """\
SOCIAL WORK PROGRESS NOTE - COLLATERAL CONTACTS
Patient: {p:pt:full} (prefers "{p:pt:nick}")     Age: {x:age}     Unit: {loc:unit:1}     Encounter {id:enc:1}
Contacts on {d:0:mon_d}:
1) {x:time} phone with {pr:child:rel} {p:child:full} ({ph:dash:1}), who lives in {loc:town:1} and cannot travel.
2) {x:time} met neighbor {p:nbr:full}, who cares for {pr:nbr:his} own mother, age {age90:nm}, has brought meals \
since {d:-30:md}, and has a key to the home.
3) {x:time} left a message for {p:apsw:full}, caseworker, {loc:agency:1}; case {id:case:1}.
4) {x:time} faxed referral to {loc:snf:1}; admissions contact {p:adm:first}, fax {ph:dot:2}.
Assessment: self-neglect with hoarding; history of heavy alcohol use with {m:Korsakoff} amnesia; \
{m:Parkinson's disease} with falls. Psychiatry \
({p:psych:fi}) finds that {pr:pt:he} lacks capacity for discharge decisions. The home at {addr:1} has no heat.
Plan: {p:child:first} agrees to a temporary guardianship petition in {loc:county:1}; attorney {p:atty:full} \
({ph:paren:3}) will file. Long-term care Medicaid application started.
{p:sw:full}, MSW, LICSW     {d:0:mdy}
"""),
    ('b16_sbar_transfer', 'transfer form', """\
SBAR TRANSFER COMMUNICATION - NURSING FACILITY TO HOSPITAL
From: {loc:snf:1}, {addr:1}, {loc:town:1} {zip:1}     Nurses' station {ph:dash:1}
To: {loc:hosp:1} emergency department     Date {d:0:mdy}
Resident: {p:pt:LF}     DOB {d:dob:mdy}     Age {age90:pt}     Medicare MBI {id:mbi:1}
S - last known well at {x:time}; new left-sided weakness found at {x:time}.
B - atrial fibrillation off anticoagulation (falls); {m:Graves' disease} treated with radioiodine; CKD stage 3.
A - BP 188/96, HR 104 irregular, glucose 142; left facial droop; {m:Babinski sign} present on the left.
R - transfer for stroke evaluation. POLST of {d:-200:mdy}: DNR, full treatment otherwise.
Responsible party: {pr:child:rel} {p:child:full}, {ph:paren:2}; alternate {p:child2:full}, {ph:paren:3}.
Facility physician: Dr. {p:snfmd:full}, notified at {x:time}; medical director {p:md2:fi}.
Sent with: face sheet, MAR, POLST, hearing aids, upper denture (checked by {p:cna:full}, CNA).
Transport: {loc:ems:1}; crew member {p:crew:full}.
Nurse: {p:rn:full}, LPN. Report called to {p:edrn:first} at {x:time}; sent at {x:time}. Copy to {p:child:first}.
"""),
    ('b17_result_message', 'lab result letter', """\
{d:0:dMy}

Hi {p:pt:first},

This is {p:np:full}, the nurse practitioner who works with Dr. {p:dr:full} at {loc:clinic:1}. I am writing about the \
blood work drawn at {loc:lab:1} on {d:-5:wd_long} by {p:phleb:full}.
  - Ferritin 8 and hemoglobin 10.1, both low: this is iron deficiency.
  - Celiac antibodies negative.
  - Copper and ceruloplasmin normal, so {m:Wilson's disease} is very unlikely.
  - Stool test for {m:blood}: positive.
Because the stool test was positive, we would like you to see {p:gi:full} at {loc:gi:1} for a colonoscopy. Their \
scheduler, {p:sched:first}, will call you from {ph:dot:1}. Your upper endoscopy in {d:-700:my} showed \
{m:Barrett's esophagus}, so they may repeat that at the same time.
Please start ferrous sulfate 325 mg every other day with orange juice.
If the phone number we have for you ({ph:paren:2}) is wrong, update it in the portal or reply to this letter.

Warmly,
{p:np:full}, FNP-C
{loc:clinic:1} | {addr:1} | {loc:town:1}, {x:st} {zip:1}
cc: Dr. {p:dr:last}. Result reference {id:acc:1}. Mailed to {addr:2}, {loc:town:2}, {x:st} {zip:2}.
"""),
    ('b18_imaging_pa_fax', 'prior authorization letter', """\
FAX - PRIOR AUTHORIZATION REQUEST: ADVANCED IMAGING
Pages: 4 including cover     Sent {d:0:mdy} {x:time} from {ph:dash:1}
To: radiology benefits manager, fax {ph:one:2}
Requesting office: {loc:ortho:1}; contact {p:coord:full}, direct line {ph:paren:3}, {email:coord@ortho:1}
Ordering provider: {p:dr:Lf}, MD     NPI {id:npi:1}
Rendering facility: {loc:imaging:1}, {addr:1}, {loc:town:1}, {x:st} {zip:1}
Patient: {p:pt:LF}     DOB {d:dob:mdy}     Plan member no. {id:member:1}
Subscriber: {p:spouse:full} ({pr:spouse:rel})
Study: MRI lumbar spine without contrast (CPT 72148)
Clinical: 8 weeks of low back pain radiating down the left leg, worse with {m:Valsalva}; 6 weeks of physical therapy \
at {loc:therapy:1} and NSAIDs without relief. Straight-leg raise positive at 30 degrees, absent left ankle reflex, and \
new foot drop on {d:-4:md}. No saddle anesthesia. Red flag: {m:Hodgkin lymphoma} treated in {x:year}.
Previous request {id:auth:1} was pended on {d:-2:md} by reviewer {p:reviewer:full}, RN.
Urgent review requested. Prepared by {p:coord:ini}/{p:dr:ini}.
Signature: {p:dr:full}     Date: {d:0:md}
"""),
    ('b19_inpatient_death_note', 'hospice/death note', """\
Death Note
I was called by {p:rn:full}, RN, to {loc:unit:1} at {x:time} on {d:0:long} to see {p:pt:full} (MRN {id:mrn:1}), a \
{age90:pt}-year-old with multiple myeloma and {m:Bence Jones} proteinuria on comfort care since {d:-3:md}. \
{m:Cheyne-Stokes} breathing had been noted overnight.
Exam: unresponsive to voice and sternal rub; no {m:heart} sounds or breath sounds for 60 seconds; pupils fixed. \
Pronounced dead at {x:time}.
Family at the bedside: {pr:child:rel} {p:child:full} and {pr:gchild:rel} {p:gchild:full}. Autopsy declined by \
{p:child:first}.
The {loc:county:1} medical examiner's investigator, {p:mei:full}, declined jurisdiction (case {id:case:1}).
{loc:opo:1} was called; referral {id:case:2}; not a candidate.
Funeral home: {loc:funeral:1}; contact {p:fd:full}, {ph:paren:1}.
Attending Dr. {p:att:last} notified; PCP {p:pcp:fi} at {loc:clinic:1} will be told by letter.
{p:res:full}, MD, PGY-2, pager {ph:pager:1}
"""),
    ('b20_pharmacy_vaccine_record', 'immunization record', """\
{loc:pharm:1} - IMMUNIZATION ADMINISTRATION RECORD
Patient: {p:pt:Lf}     DOB {d:dob:mdy}     Age {x:age}     Phone {ph:dot:1}
Address: {addr:1}, {loc:town:1}, {x:st} {zip:1}     Insurance member {id:member:1}
Screening: no fever; no history of {m:Guillain-Barré syndrome}; {m:Crohn's disease} on infliximab, so no live vaccines.
Given {d:0:abbr}:
  - Shingrix (RZV) dose 2, 0.5 mL IM left deltoid, by {p:rph:full}, RPh ({p:rph:ini})
  - Prevnar 20, 0.5 mL IM right deltoid, by pharmacy intern {p:intern:full} under {p:rph:ini}
Earlier doses from the state registry (ID {id:reg:1}): Shingrix dose 1 on {d:-75:mdy} at {loc:clinic:1}; Tdap \
{d:-1500:mY}; COVID-19 {d:-200:dmy}.
Standing order signed by {p:dr:full}, MD, on {d:-300:mdy}.
Screened by technician {p:tech:full}; sent to the registry on {d:0:mdy} by {p:tech:user}.
Travel: referred to {loc:travel:1} for typhoid vaccine before a trip to {loc:country:1} on {d:+30:mon_d}.
Emergency contact: {p:spouse:full} ({pr:spouse:rel}), {ph:dot:2}.
"""),
    ('b21_workplace_violence_report', 'incident report', """\
EMPLOYEE / VISITOR INCIDENT REPORT - WORKPLACE VIOLENCE
Report no.: {id:report:1}     Date of incident: {d:-1:wd_abbr}     Time: {x:time}
Facility: {loc:hosp:1}     Area: {loc:unit:1}
Staff involved: {p:rn:full}, RN (employee ID {id:badge:1}); {p:pct:full}, PCT
Patient involved: {p:pt:LF}, MRN {id:mrn:1}
Description: during a blood draw the patient, in alcohol withdrawal (CIWA 22) with a history of {m:Wernicke} \
encephalopathy, kicked {p:pct:first} and struck {pr:pct:his} right {m:hand}. Security officer {p:sec:full} (badge \
{id:badge:2}) responded at {x:time}; restraints ordered by Dr. {p:md:full} at {x:time}.
Visitor: the patient's {pr:sib:rel}, {p:sib:full}, shouted threats and was escorted out; {loc:police:1} notified, \
Officer {p:officer:full}, case {id:case:1}.
Injury: {p:pct:first}, contusion of the right hand; seen at {loc:occmed:1} on {d:0:md}; x-ray without fracture.
Manager review: {p:nm:full}, {d:0:mdy}.     Entered by: {p:rn:user}
"""),
    ('b22_dental_referral', 'dental or optometry referral', """\
DENTAL REFERRAL FORM
Referring dentist: {p:dds:full}, DDS, {loc:dental:1}
{addr:1}, {loc:town:1}, {x:st} {zip:1}     phone {ph:paren:1}     e-mail {email:org@dental:1}
Referred to: {loc:dental:2}, attn. Dr. {p:omfs:last}     Date: {d:0:mdy}
Patient: {p:pt:full}     Birthdate {d:dob:mdy}     Home phone {ph:dot:2}     Dental plan ID {id:member:1}
Reason: extraction of #17 and #32 (partially impacted, recurrent pericoronitis); please evaluate a radiolucency \
near #30 seen on the panoramic film of {d:-10:md}.
Medical history: {m:Addison's disease} (stress-dose steroids needed, per endocrinologist {p:endo:full} at \
{loc:endo:1}); alendronate for low {m:bone} density since {x:year}; penicillin allergy.
Sedation: prefers IV sedation; {pr:pt:his} {pr:spouse:rel}, {p:spouse:full}, will drive.
Radiographs uploaded to {url:portal:1}.
Please send treatment notes to our office and to {pr:pt:his} physician, Dr. {p:pcp:full}; cc {p:endo:fi}.
Patient signature: {p:pt:full}
{p:dds:full}, DDS     hygienist {p:hyg:first}
"""),
]

REUSED_A = ['a01_referral_letter', 'a11_portal_access_log', 'a14_telephone_encounter']
REUSED_B = ['b07_home_health_email', 'b14_answering_service', 'b21_workplace_violence_report']


def pt_age_for(template, rng):
    if '{age90:pt}' in template:
        return rng.randint(90, 103)
    if '{x:cage}' in template or '{x:aagec}' in template:
        return rng.randint(5, 16)
    if any(r in template for r in CARER_ROLES):
        return rng.randint(56, 88)
    return rng.randint(30, 88)


def build_half(templates, reused, first_no, half_seed):
    rng = random.Random(half_seed)
    deck = OriginDeck(rng)
    by_name = {name: (name, kind, text) for name, kind, text in templates}
    order = [t[0] for t in templates] + reused
    rng.shuffle(order)
    docs, used = [], []
    for i, name in enumerate(order):
        no = first_no + i
        _, kind, template = by_name[name]
        drng = random.Random(half_seed * 100 + no)
        base = datetime.date(2024, 1, 8) + datetime.timedelta(days=drng.randint(0, 680))
        doc = Doc(drng, deck, base, pt_age_for(template, drng))
        doc.pt_sex = 'F' if '{p:pt:prevf}' in template else None
        doc.pt_foreign = '{pr:pt:lang}' in template or '{loc:country:' in template
        text, phi, med = render(template, doc)
        for sp in phi:      # each span's text is the value that was inserted
            assert text[sp['start']:sp['end']] == sp.pop('value'), (no, name, sp)
        docs.append({'id': f'r30-t{no:02d}', 'note_type': 'typed', 'patient_id': f'DEV-R30-{no:02d}', 'text': text,
                     'phi': phi, 'medical': med})
        used.append((name, kind))
    return docs, used


def check_half(docs, used, label):
    assert len(docs) == 25, (label, len(docs))
    bad = []
    for doc, (name, _) in zip(docs, used):
        text, phi, med = doc['text'], doc['phi'], doc['medical']
        problems = [f'{len(text)} characters'] * (not 600 <= len(text) <= 1800)
        problems += [f'{len(phi)} identifiers'] * (not 15 <= len(phi) <= 35)
        problems += [f'{len(med)} medical terms'] * (not 2 <= len(med) <= 5)
        if problems:
            bad.append(f'{doc["id"]} {name}: ' + ', '.join(problems))
            continue
        spans = sorted([(s['start'], s['end'], 'phi') for s in phi] + [(m['start'], m['end'], 'med') for m in med])
        assert [(s['start'], s['end']) for s in phi] == sorted((s['start'], s['end']) for s in phi), doc['id']
        for (s1, e1, _), (s2, e2, _) in zip(spans, spans[1:]):
            assert e1 <= s2, (doc['id'], name, s1, e1, s2, e2)
        for s in phi:
            assert s['type'] in PHI_TYPES and 0 <= s['start'] < s['end'] <= len(text), (doc['id'], s)
            v = text[s['start']:s['end']]
            assert v == v.strip() and v, (doc['id'], repr(v))
        for m in med:
            assert text[m['start']:m['end']] == m['text'], (doc['id'], m)
    assert not bad, '\n'.join(bad)
    types = collections.Counter(s['type'] for d in docs for s in d['phi'])
    missing = [t for t in PHI_TYPES if not types[t]]
    assert not missing, (label, missing)
    return types


def word_name(value):
    return any(tok in WORD_NAME_TOKENS for tok in re.findall(r"[A-Za-z]+", value.lower()))


def main():
    assert not {k for _, k, _ in TEMPLATES_A} ^ {k for _, k, _ in TEMPLATES_B}, 'kinds differ between the halves'
    names_a, names_b = [t[0] for t in TEMPLATES_A], [t[0] for t in TEMPLATES_B]
    texts_a, texts_b = [t[2] for t in TEMPLATES_A], [t[2] for t in TEMPLATES_B]
    assert len(set(names_a + names_b)) == len(names_a) + len(names_b)
    assert not set(texts_a) & set(texts_b) and len(set(texts_a + texts_b)) == len(texts_a) + len(texts_b)
    assert set(REUSED_A) <= set(names_a) and set(REUSED_B) <= set(names_b)
    docs_a, used_a = build_half(TEMPLATES_A, REUSED_A, 1, SEED * 10 + 1)
    docs_b, used_b = build_half(TEMPLATES_B, REUSED_B, 26, SEED * 10 + 2)
    # A second build from the same seeds must give the same documents (nothing depends on hash order or state).
    for docs, templates, reused, first, seed in ((docs_a, TEMPLATES_A, REUSED_A, 1, SEED * 10 + 1),
                                                 (docs_b, TEMPLATES_B, REUSED_B, 26, SEED * 10 + 2)):
        again, _ = build_half(templates, reused, first, seed)
        assert again == docs
    counts = {}
    for label, docs, used in (('30a', docs_a, used_a), ('30b', docs_b, used_b)):
        counts[label] = check_half(docs, used, label)
    ids = [d['id'] for d in docs_a + docs_b]
    assert len(set(ids)) == 50 and len({d['patient_id'] for d in docs_a + docs_b}) == 50
    for path, docs in ((OUT_A, docs_a), (OUT_B, docs_b)):
        with open(path, 'w', encoding='utf-8', newline='\n') as fh:
            for d in docs:
                fh.write(json.dumps(d, ensure_ascii=False) + '\n')
    verbose = '-v' in sys.argv
    for label, docs, used, templates in (('30a', docs_a, used_a, TEMPLATES_A), ('30b', docs_b, used_b, TEMPLATES_B)):
        c = counts[label]
        total = sum(c.values())
        names = [d['text'][s['start']:s['end']] for d in docs for s in d['phi'] if s['type'] == 'NAME']
        wn = sum(word_name(n) for n in names)
        lens = [len(d['text']) for d in docs]
        per = [len(d['phi']) for d in docs]
        nmed = sum(len(d['medical']) for d in docs)
        print(f'{label}: {len(docs)} documents from {len(templates)} templates; {total} identifiers: '
              + ', '.join(f'{t} {c[t]}' for t in sorted(PHI_TYPES, key=lambda t: (-c[t], PHI_TYPES.index(t))))
              + f'; {nmed} medical terms')
        print(f'  NAME share {c["NAME"] / total:.1%}; NAME spans holding an English word: {wn} ({wn / len(names):.1%});'
              f' length {min(lens)}-{max(lens)} chars; identifiers per document {min(per)}-{max(per)}')
        if verbose:
            for d, (name, _) in zip(docs, used):
                nn = sum(s['type'] == 'NAME' for s in d['phi'])
                print(f'    {d["id"]} {name:32s} len {len(d["text"]):5d} phi {len(d["phi"]):3d} names {nn:3d} '
                      f'med {len(d["medical"])}')


if __name__ == '__main__':
    main()
