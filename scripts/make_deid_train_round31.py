#!/usr/bin/env python3
"""Round-31 generator of typed clinical notes with gold PHI spans (de-identification training / dev data).

What it generates
    Compositional, clinician-written typed documents.  A document kind (discharge summary, history and physical,
    consult, SOAP progress note, operative/procedure note, ED note, clinic letter to a referring doctor, referral
    letter, transfer summary, psychiatry note, obstetric note, pediatric note, oncology tumor-board summary,
    palliative-care family meeting) picks a plan of sections (letterhead, title, identifiers block, HPI, hospital
    course, past/social/family history, medications, exam, results, assessment/plan, disposition, contacts,
    signature/attestation, cc/distribution, dictation lines, plus kind-specific sections).  Each section is one of
    many fragments (>= 8 per fold for every section kind) written in a tiny template language:
        {key}            filler: a person / place / identifier / date / medical term / plain clinical filler
        {key!u} {key!l}  the same filler upper- / lower-cased ({key!t}: first letter upper-cased)
        [a|b|c]          wording choice (nestable)      [?text]   optional text
        leading ^        the fragment carries its own heading
    Person keys (pt, att, res, rn, pcp, ref, cons, sp, ch1, mom, guard, ...) take attributes: .first .last .LF
    (LAST, FIRST M) .Lf .fl .dr (Dr. + name) .drl (Dr. + surname) .c (name, credential) .cred .init .initl .user
    .email .phone .pager .fax .addr .town .state .zip .kin .he .his .him .age .mr (Mr./Ms. + surname) .t (title +
    surname) .nick .nickfull .aka .typo .typoLF; place keys (hosp, clinic, pharm, snf, employer, school, church,
    agency, town, county, ...) take .addr .town .state .zip .phone .fax .url .email .pobox.
    Styles vary per document: heading style (ALL CAPS, Title Case, underlined, inline), bullets / numbering, date
    format, LAST, FIRST case, all-caps lines, tables, and a "dictated" style with run-on prose and typos.

Gold conventions (short)
    NAME without titles/credentials, with suffix; "LAST, FIRST M" one span; nickname in quotes inside the name is in
    the span; initials and user names are NAME ("JT/mb": two spans); possessive 's outside.  DATE every date element
    except a bare year (weekday inside the span, "the 14th" -> "14th").  AGE only 90+ (number only).  LOCATION:
    organisations and places (hospitals, clinics, pharmacies with store number, units with a name, employers,
    schools, churches, agencies, shelters, funeral homes, OPOs, police/EMS, towns, counties, countries); not unit
    words, not US states.  ADDRESS street line (+unit), ZIP, PHONE (phone/fax/pager/extension), ID (value only),
    EMAIL, URL, IP, SSN, VEHICLE (plates, VINs).  `medical` lists kept eponyms / name-like clinical words.
    Every span enters through a filler, so offsets are exact by construction; build_doc() asserts it.

Folds
    Every list (names of every origin, word-names, eponym surnames, towns, counties, countries, streets, saint /
    virtue / region stems, chains, organisation patterns, drugs, diagnoses, medical terms) and every fragment pool,
    label list and title list is split by index parity: even -> train, odd -> dev.  Proper-name values of the dev
    fold that share a token with any train value are dropped, so the folds share no name, town or street.

Commands
    python scripts/make_deid_train_round31.py --fold train --seed 1 --docs 300 --out /tmp/x.jsonl
    python scripts/make_deid_train_round31.py --fold dev     # writes tests/nlp/data/deid_dev_round31.jsonl (40 docs)
Standard library only; a fixed seed gives byte-identical output under any PYTHONHASHSEED.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
import unicodedata

NN = 31
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEV_PATH = os.path.join(ROOT, "tests", "nlp", "data", "deid_dev_round31.jsonl")
DEV_SEED = 3117
DEV_DOCS = 40
PHI_TYPES = ["NAME", "LOCATION", "DATE", "AGE", "ID", "PHONE", "ADDRESS", "ZIP", "EMAIL", "URL", "IP", "SSN", "VEHICLE"]


def W(s):
    """Split a whitespace list; '_' joins multi-word values."""
    return [w.replace("_", " ") for w in s.split()]


# ----------------------------------------------------------------------------------------------------------------
# Person names by origin: (weight, male given, female given, surnames)
# ----------------------------------------------------------------------------------------------------------------
ORIGINS = {
    "us": (
        30,
        W(
            "James John Robert Michael David William Richard Joseph Thomas Charles Christopher Daniel Matthew "
            "Anthony Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason "
            "Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel "
            "Gregory Raymond Patrick Dennis Jerry Tyler Aaron Henry Douglas Peter Adam Nathan Zachary Walter "
            "Kyle Harold Carl Jeremy Keith Roger Gerald Ethan Terry Sean Austin Noah Jesse Albert Bryan Bruce "
            "Willie Dylan Alan Ralph Roy Wayne Randy Louis Russell Vincent Philip Bobby Johnny Bradley Travis "
            "Cody Dustin Shane Clayton Garrett"
        ),
        W(
            "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Margaret "
            "Sandra Ashley Kimberly Emily Donna Michelle Carol Amanda Dorothy Melissa Deborah Stephanie Rebecca "
            "Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha "
            "Katherine Christine Debra Rachel Carolyn Janet Catherine Heather Diane Julie Joyce Victoria Kelly "
            "Christina Lauren Joan Evelyn Olivia Judith Megan Cheryl Martha Andrea Frances Hannah Jacqueline "
            "Gloria Jean Kathryn Alice Janice Doris Madison Julia Judy Abigail Denise Beverly Theresa Marilyn "
            "Danielle Diana Brittany Natalie Sophia Charlotte Kayla Alexis Lori Tammy Wanda Bonnie Peggy Loretta "
            "Connie"
        ),
        W(
            "Smith Johnson Williams Jones Davis Anderson Taylor Thomas Moore Jackson Martin Thompson Harris Clark "
            "Lewis Robinson Scott Nelson Carter Mitchell Roberts Turner Phillips Campbell Parker Evans Edwards "
            "Collins Stewart Morris Rogers Reed Morgan Cooper Peterson Bailey Kelly Howard Cox Richardson Watson "
            "Bennett Barnes Henderson Coleman Jenkins Perry Powell Patterson Hughes Washington Butler Simmons "
            "Bryant Alexander Russell Griffin Hayes Myers Ford Hamilton Graham Wallace Cole Owens Reynolds "
            "Harrison Gibson Ellis Tucker Porter Hicks Crawford Boyd Kennedy Warren Dixon Burns Gordon Shaw "
            "Holmes Robertson Hunt Daniels Palmer Mills Nichols Grant Ferguson Stephens Pierce Spencer Lawson "
            "Fletcher Whitaker Pruitt Holloway Dempsey Kincaid Hatfield Caldwell Sutton Vaughn Bowman"
        ),
    ),
    "hisp": (
        10,
        W(
            "José Luis Juan Carlos Miguel Jorge Alejandro Francisco Javier Ricardo Eduardo Fernando Roberto "
            "Sergio Raúl Andrés Manuel Héctor Arturo Ramón Diego Mateo Santiago Emilio Rafael Guillermo "
            "Alfredo Joaquín Ignacio Osvaldo"
        ),
        W(
            "María Guadalupe Ana Carmen Lucía Sofía Isabel Gabriela Fernanda Valeria Daniela Alejandra Mariana "
            "Ximena Paola Adriana Leticia Yolanda Beatriz Marisol Esperanza Dolores Consuelo Graciela Rocío "
            "Yesenia Araceli María_José Ana_Lucía Luz_Elena"
        ),
        W(
            "García Rodríguez Martínez Hernández López González Pérez Sánchez Ramírez Torres Flores Rivera Gómez "
            "Díaz Cruz Morales Reyes Gutiérrez Ortiz Ramos Castillo Jiménez Vásquez Romero Herrera Medina Aguilar "
            "Vargas Castro Mendoza Ruiz Álvarez Salazar Delgado Guerrero Contreras Estrada Figueroa Navarro "
            "Cárdenas Villanueva Ibarra Zamora Espinoza Quintero Santana Acosta Orozco Barrientos"
        ),
    ),
    "viet": (
        4,
        W("Minh Tuan Hung Duc Quang Long Thanh Huy Khoa Phuc Bao Dung Hieu Vinh Nam Son Trung Dat Khanh Tai"),
        W("Lan Linh Huong Mai Thao Ngoc Trang Hoa Anh Thuy Phuong Hanh Nhung Yen Diep Loan Tuyet Kim Hien Nga"),
        W("Nguyen Tran Le Pham Hoang Huynh Phan Vu Vo Dang Bui Do Ho Ngo Duong Ly Truong Dinh Lam Cao Luong Ta Quach"),
    ),
    "chin": (
        4,
        W("Wei Jun Hao Lei Jian Ming Tao Yong Qiang Bo Jie Peng Xiang Zhiwei Haoran Yichen Zihao Junjie"),
        W("Xiu Ying Mei Li Na Jing Hui Yan Fang Xiaoling Lihua Yuqing Ziyi Xinyi Meiling Shu Hong Ting Qian Yue"),
        W(
            "Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie "
            "Tang Song Feng Deng Han Cao Yu Chan Wong Leung Chow Lau Cheung"
        ),
    ),
    "kor": (
        3,
        W(
            "Min-jun Ji-hoon Seo-jun Hyun-woo Jae-sung Dong-hyun Sung-min Young-ho Tae-yang Joon-young "
            "Kyung-soo Sang-woo Jin Sung"
        ),
        W("Ji-yeon Min-ji Seo-yeon Eun-ji Hye-jin Soo-ah Ji-woo Yoon-hee Hae-won Mi-kyung Su-bin Ha-eun Yuna Eun-hee"),
        W("Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Oh Seo Shin Kwon Hwang Ahn Jeon Hong Yoo Ko Moon Baek"),
    ),
    "fil": (
        3,
        W(
            "Jose Rodrigo Ramon Emmanuel Angelo Mark_Anthony Jerome Rommel Bienvenido Dante Ariel Reynaldo "
            "Efren Nestor Marvin Jericho"
        ),
        W(
            "Maria_Cristina Marites Rowena Maricel Lourdes Jocelyn Analyn Rosalinda Teresita Charito Leah Mylene "
            "Jovelyn Precy Liezl Divina"
        ),
        W(
            "Dela_Cruz Santos Bautista De_Leon Aquino Soriano Manalo Pascual Macaraeg Dimaculangan Tolentino "
            "Magbanua Catacutan Dizon Cabrera Salonga Buenaventura Dimalanta Evangelista Panganiban"
        ),
    ),
    "sasia": (
        5,
        W(
            "Rajesh Amit Vikram Sanjay Arjun Rahul Suresh Anil Deepak Imran Tariq Asif Farhan Kamal Rakib "
            "Shafiqul Harpreet Gurpreet Manish Nikhil Vivek Sandeep Abdul Mohammad_Ali"
        ),
        W(
            "Priya Anjali Sunita Kavita Deepika Neha Pooja Lakshmi Meena Aisha Ayesha Farzana Nusrat Shahana "
            "Rukhsana Simran Harleen Divya Shreya Parveen Nasreen Tahmina"
        ),
        W(
            "Patel Shah Sharma Gupta Singh Kumar Reddy Rao Iyer Venkataraman Krishnan Nair Menon Chatterjee "
            "Banerjee Mukherjee Das Bose Khan Qureshi Chaudhry Siddiqui Malik Rahman Hossain Chowdhury Islam "
            "Uddin Sandhu Gill Dhillon Desai Joshi Mehta Kapoor Bhattacharya Pillai Subramanian"
        ),
    ),
    "arab": (
        4,
        W(
            "Mohammed Ahmed Omar Ali Hassan Hussein Khalid Youssef Ibrahim Mahmoud Tarek Samir Karim Nabil "
            "Walid Faisal Ziad Bilal Rami Mustafa"
        ),
        W(
            "Fatima Mariam Layla Noor Huda Amira Yasmin Rania Salma Dalia Hana Zainab Samira Lina Reem Nadia "
            "Maha Souad Iman Ghada"
        ),
        W(
            "Al-Hashimi Abdel-Rahman Haddad Khoury Nasser Mansour Saleh Hamdan Awad Farouk El-Sayed Abboud "
            "Darwish Sabbagh Qasim Al-Najjar Bakr Ayoub Hijazi Shalabi Al-Masri Karam Jaber Aziz"
        ),
    ),
    "pers": (
        2,
        W("Dariush Reza Mehdi Hossein Babak Kourosh Farhad Arash Behrouz Kamran Siavash Navid Omid Payam"),
        W("Shirin Maryam Parisa Nasrin Leila Azadeh Roya Golnaz Mahnaz Soraya Fereshteh Niloufar Setareh Ladan"),
        W(
            "Mohammadi Hosseini Tehrani Rahimi Karimi Ahmadi Jafari Rostami Moradi Shirazi Esfahani Farahani "
            "Sadeghi Najafi Bagheri Kazemi Ghorbani Amini Hashemi Yazdani"
        ),
    ),
    "afr": (
        5,
        W(
            "Chukwuemeka Oluwaseun Adebayo Chinedu Ikechukwu Emeka Tunde Kwame Kofi Kwabena Yaw Abebe "
            "Tesfaye Dawit Yohannes Abdirahman Abdullahi Babajide Obinna Mohamed_Abdi"
        ),
        W(
            "Ngozi Chiamaka Adaeze Folake Funmilayo Yetunde Oluwakemi Akosua Abena Ama Efua Adwoa Tigist Meron "
            "Selam Hirut Hodan Fadumo Sahra Ifrah Amina Hawa"
        ),
        W(
            "Okafor Okonkwo Adeyemi Oyelaran Nwosu Eze Obi Balogun Mensah Owusu Asante Boateng Osei Agyeman "
            "Bekele Tadesse Haile Gebremedhin Mekonnen Warsame Farah Abdi Osman Mohamud Nwachukwu Okeke "
            "Ogunleye Onyango"
        ),
    ),
    "slav": (
        4,
        W(
            "Bohdan Oleksandr Dmitri Sergei Volodymyr Andrzej Piotr Krzysztof Tomasz Mikhail Ivan Yuri Pavel "
            "Taras Grzegorz Nikolai Stanisław Vasyl Jakub Anatoliy"
        ),
        W(
            "Agnieszka Katarzyna Małgorzata Olena Oksana Natalia Svetlana Irina Tatiana Yulia Halyna Iryna "
            "Ludmila Magdalena Zofia Bożena Anastasia Ewa Daria Larysa"
        ),
        W(
            "Kovalenko Shevchenko Bondarenko Tkachenko Kowalski Wiśniewski Nowak Wójcik Kamiński Lewandowski "
            "Zieliński Szymański Ivanov Petrov Smirnov Volkov Sokolov Kuznetsov Popov Melnyk Boyko Kravchenko "
            "Moroz Lysenko Dąbrowski Grabowski"
        ),
    ),
    "irish": (
        4,
        W(
            "Seamus Declan Padraig Cormac Eoin Ciaran Fergus Angus Niall Ronan Liam Connor Eamon Brendan "
            "Colm Malcolm Hamish Callum"
        ),
        W(
            "Siobhan Niamh Aoife Saoirse Bridget Maeve Roisin Orla Sinead Fiona Eileen Mairead Caitriona Ailsa "
            "Isla Kirsty Morag Deirdre"
        ),
        W(
            "O'Brien O'Sullivan O'Connor O'Neill O'Donnell O'Reilly O'Keefe McCarthy McLaughlin McGrath "
            "McAllister McKenna McDermott MacLeod MacDonald MacKenzie MacGregor Fitzgerald Gallagher Doherty "
            "Byrne Kavanagh Quinn Brennan Flanagan Donnelly Callaghan Sweeney Mulcahy Cunningham Buchanan "
            "Sinclair"
        ),
    ),
    "ital": (
        3,
        W(
            "Giuseppe Giovanni Salvatore Antonio Francesco Vincenzo Luca Marco Alessandro Matteo Lorenzo "
            "Domenico Carmine Enzo Paolo Rocco"
        ),
        W(
            "Giulia Francesca Chiara Alessandra Giovanna Rosaria Concetta Antonella Carmela Federica Serena "
            "Elena Annunziata Loredana Rosalba Ornella"
        ),
        W(
            "Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti De_Luca "
            "Di_Stefano Mancini Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Caruso Mariani Ferraro "
            "Di_Napoli La_Rosa Lo_Bianco D'Angelo DeMarco"
        ),
    ),
    "germ": (
        3,
        W(
            "Hans Jürgen Klaus Dieter Wolfgang Stefan Matthias Lukas Jan Pieter Joost Maarten Willem Gerrit "
            "Tobias Florian Henk Reinhold"
        ),
        W(
            "Ursula Gisela Heike Sabine Anke Greta Liesel Annelies Femke Marieke Saskia Johanna Brigitte Katrin "
            "Monika Hanneke Elke Dagmar"
        ),
        W(
            "van_der_Berg van_Dijk de_Vries van_den_Heuvel ter_Horst van_Houten de_Jong Visser Jansen von_Stein "
            "von_Albrecht Müller Schmidt Schneider Weber Meyer Wagner Becker Hoffmann Schulz Koch Richter Klein "
            "Wolff Zimmermann Krüger Hartmann Schröder Neumann Vogel"
        ),
    ),
    "fren": (
        2,
        W(
            "Jean-Luc Jean-Pierre Pierre Luc François Étienne Olivier Mathieu Julien Laurent Thierry Benoît "
            "Rémi Guillaume Antoine Yves Philippe"
        ),
        W(
            "Marie-Claire Anne-Sophie Sylvie Isabelle Camille Élodie Margaux Céline Nathalie Geneviève Mathilde "
            "Amélie Chantal Véronique Océane Delphine"
        ),
        W(
            "Beaumont Lefebvre Moreau Fournier Girard Dubois Lambert Bonnet Rousseau Mercier Blanchard "
            "Chevalier Le_Blanc Du_Pont Leclerc Gauthier Lemaire Delacroix Marchand Thibodeaux Boudreaux "
            "Arceneaux"
        ),
    ),
    "hait": (
        2,
        W(
            "Wilkens Fritz Frantz Jean-Robert Wesner Reginald Yvon Wilfrid Luckner Dieudonné Jean-Claude "
            "Stevenson Fabrice Evens Nixon Ronel"
        ),
        W(
            "Guerline Mirlande Nadège Rose-Marie Marie-Ange Fabienne Widline Islande Jeanine Lovely Nerlande "
            "Roseline Darline Fedna Guerda Myrlande"
        ),
        W(
            "Jean-Baptiste Pierre-Louis Desir Saint-Louis Toussaint Baptiste Dorvil Jean-Louis Lafortune "
            "Dorcely Celestin Belizaire Augustin Fils-Aimé Exantus Dieujuste Metellus Pierrelus"
        ),
    ),
    "greek": (
        2,
        W(
            "Konstantinos Georgios Dimitrios Ioannis Nikolaos Christos Panagiotis Vasilios Athanasios "
            "Spyros Stavros Theodoros Evangelos Michalis"
        ),
        W(
            "Eleni Aikaterini Georgia Despina Vasiliki Athina Chrysoula Paraskevi Eirini Stavroula Kalliopi "
            "Ioanna Theodora Androniki"
        ),
        W(
            "Papadopoulos Pappas Georgiou Nikolaidis Karagiannis Vlachos Dimitriou Konstantinidis Oikonomou "
            "Alexopoulos Antonopoulos Christodoulou Katsaros Mavromatis Stavrou Theodorou Zervas Lambrakis"
        ),
    ),
    "turk": (
        2,
        W("Mehmet Mustafa Ahmet Emre Burak Murat Hakan Kemal Serkan Yusuf Cem Onur Eren Barış"),
        W("Ayşe Fatma Zeynep Elif Emine Hatice Merve Büşra Esra Selin Derya Gül Özlem Sevgi"),
        W(
            "Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan "
            "Çetin Kara Koç Kurt Özkan Polat"
        ),
    ),
    "port": (
        2,
        W(
            "João Pedro Paulo Thiago Gustavo Rodrigo Felipe Leandro Caio Vinícius Rui Nuno Tiago Marcelo "
            "Henrique Wagner"
        ),
        W(
            "Ana_Paula Juliana Letícia Camila Tatiane Luana Renata Conceição Graça Inês Raquel Thaís Vanessa "
            "Rosângela Cristiane Jussara"
        ),
        W(
            "Silva Oliveira Souza Pereira Ferreira Almeida Costa Carvalho Gomes Ribeiro Martins Rocha Barbosa "
            "Araújo da_Silva dos_Santos Cavalcanti Monteiro Nascimento Teixeira Moura Correia Pinto"
        ),
    ),
    "nat": (
        2,
        W("Dakota Wahya Ahanu Chayton Kohana Nodin Takoda Tahoma Elan Lowan Hotah Mato Wapi Kele"),
        W("Tallulah Winona Aiyana Nizhoni Halona Sihu Tayanita Aponi Catori Doli Kimi Nita Onawa Hania"),
        W(
            "Begay Yazzie Tsosie Benally Whitehorse Two_Bulls Littlewolf Cornsilk Redcloud Bighorse Manygoats "
            "Tsinajinnie Chee Nez Harjo Locklear Oxendine Deschenie Lightfoot Eagleheart Running_Crane "
            "Yellowhair"
        ),
    ),
    "paci": (
        2,
        W("Keoni Kalani Makoa Kainoa Sione Tevita Viliami Semisi Tavita Fetu Iosefa Manu Koa Ikaika"),
        W("Leilani Malia Mele Kalena Noelani Luseane Salote Losana Sina Moana Pua Lani Kanani Alamea"),
        W(
            "Kahananui Kealoha Kamakau Akana Kauwila Tupou Fifita Faleolo Taufa Vainikolo Tuilagi Sopoaga "
            "Mata'afa Leota Aumua Fonoti Kaleikini Puaoi"
        ),
    ),
    "jew": (
        2,
        W("Avraham Moshe Yosef Yitzchak Mordechai Shmuel Eliezer Chaim Zev Ari Dov Menachem Baruch Yehuda Noam Shlomo"),
        W("Rivka Chana Esther Miriam Devorah Shoshana Batya Tova Yael Naomi Malka Shira Ilana Aviva Bracha Yocheved"),
        W(
            "Goldberg Shapiro Weiss Katz Friedman Rosenberg Cohen Levy Abramowitz Birnbaum Feldman Greenbaum "
            "Horowitz Kaplan Lieberman Rabinowitz Schwartz Silverstein Zuckerman Adler Blum Edelstein"
        ),
    ),
    "scan": (
        2,
        W("Lars Anders Erik Nils Bjørn Magnus Henrik Olav Jens Mikkel Per Gunnar Leif Torbjørn Espen Rasmus"),
        W("Ingrid Astrid Sigrid Solveig Karin Liv Freja Maja Ingeborg Kirsten Birgitta Linnea Hedda Signe Elin Annika"),
        W(
            "Johansson Andersson Karlsson Nilsson Eriksson Larsson Olsen Hansen Pedersen Solberg Lindqvist "
            "Bergström Halvorsen Haugen Lund Nyberg Sørensen Dahl Holm Strand Berg Lindgren"
        ),
    ),
    "jap": (
        2,
        W("Haruto Hiroshi Takeshi Kenji Yuto Sota Ren Daiki Kazuki Shota Ryota Akira Satoshi Tomohiro Yusuke Kenta"),
        W("Yuki Sakura Aiko Haruka Yui Hinata Misaki Emi Keiko Naoko Yoko Ayaka Rina Mayumi Chihiro Fumiko"),
        W(
            "Takahashi Nakamura Tanaka Watanabe Ito Yamamoto Kobayashi Sato Suzuki Kato Yoshida Yamada Sasaki "
            "Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Mori Ikeda Hashimoto Fujita Okada"
        ),
    ),
}

# given names that are ordinary English words (gender m/f/u)
WORD_GIVEN = W(
    "Hope:f Faith:f Joy:f Grace:f Iris:f Ivy:f Rose:f Lily:f Dawn:f April:f June:f May:f Summer:f "
    "Autumn:f Sky:u River:u Storm:u Rusty:m Buck:m Will:m Bill:m Art:m Pat:u Sunny:u Destiny:f "
    "Precious:f Ruby:f Pearl:f Amber:f Crystal:f Brandy:f Cash:m King:m Major:m Royal:m Chance:m "
    "Page:f Honor:f Harmony:f Melody:f Blossom:f Daisy:f Holly:f Jade:f Misty:f Star:f Angel:u Candy:f "
    "Violet:f Hazel:f Willow:f Penny:f Ginger:f Honey:f Patience:f Mercy:f Charity:f Trinity:f "
    "Journey:f Miracle:f Unique:f Raven:f Sage:u Poppy:f Fern:f Olive:f Chase:m Gene:m Guy:m Mark:m "
    "Frank:m Rich:m Sterling:m Wade:m Dusty:m Rocky:m Bud:m Sonny:m Hunter:m Cliff:m Glen:m Dale:m "
    "Rod:m Lance:m Dean:m Drew:m Duke:m Earl:m Ray:m Forrest:m Heath:m Colt:m Rex:m Robin:u Carol:f "
    "Bunny:f Goldie:f Cherry:f Clay:m Stone:m Ace:m Kit:u Bliss:f Genesis:f Marsh:m Jewel:f Sugar:f"
)
WORD_SURNAMES = W(
    "Little Long Short Young Strong Brown Green White Black Gray Day Knight Hall Wall Hill Wood "
    "Rivers Brooks Banks Fields Marsh Church Bishop Cook Baker Mason Walker Hunter Fisher Miller Love "
    "Bliss Battle Wise Hand Foot Bone Heart Blood Vein Cross Ward Bed Pain Payne Paine Sick Well "
    "Wells Bath Stone Lamb Fox Wolf Crane Swan Nurse Doctor Chief Power Rich Cash Price Bonds Sweet "
    "Moody Friday Monday Winter Frost Snow Rain Storm Bush Field Lake Pond Shore Ridge Glass Steel "
    "Gold Silver Bird Finch Hawk Falcon Drake Bull Bear Hart Rice Bean Pepper Salt Sugar Rock Brook "
    "Vale Dale Bloom Branch Root Berry Shepherd Carpenter Potter Weaver Chambers Castle Tower Gates "
    "Booth Noble Savage Golden Goodman Hardy Bright Swift Blank Speed Keen Pride Joy Summers Fairweather "
    "Goodnight Lovejoy Merriweather Easter Christmas Holiday Luck Best Trueblood Sharp Coward Hope"
)
EPONYM_SURNAMES = W(
    "Foley Doppler Addison Parkinson Cushing Graves Bell Barrett Wilson Down Hodgkin Crohn Murphy "
    "Babinski Kernig Romberg Homan Allen Apgar Glasgow Holter Whipple Tinel Paget Osler Virchow "
    "Bowen Raynaud Horner Colles Brudzinski Phalen Korsakoff Kawasaki"
)
NICKNAMES = W(
    "Pooh Bubba Sissy Tink Boo Junior Peanut Kiki Doc Red Tiny Sonny Butch Babe Skip Bear Cookie Buddy "
    "Missy Chip Tex Lefty Shorty Dot Bea Moose Ace Biscuit Pops Smitty Gigi Lulu Coco Bitsy Dede Mimi "
    "Zuzu Katya Sasha Pepe Lalo Nene Chico Bebe Jojo Tito"
)
SUFFIXES = ["Jr.", "Sr.", "II", "III", "IV", "Jr"]

# ----------------------------------------------------------------------------------------------------------------
# Places
# ----------------------------------------------------------------------------------------------------------------
TOWNS = W(
    "Abilene Albany Alton Ames Ashland Athens Auburn Augusta Bangor Bedford Beloit Billings Bismarck Bristol "
    "Burlington Camden Canton Carbondale Cedar_Falls Chester Clarksville Clinton Conway Corvallis Danville "
    "Dayton Decatur Dover Dubuque Duluth Durham Elgin Elmira Enid Erie Fairfield Fargo Flagstaff Florence "
    "Fresno Gainesville Galesburg Greeley Greenville Hagerstown Hanover Hastings Hattiesburg Helena Hickory "
    "Holland Huntsville Joplin Kalamazoo Kearney Kenosha Kingston Lafayette Laramie Lewiston Lima Lowell "
    "Lubbock Macon Mankato Medford Meridian Midland Milford Moline Muncie Nampa Natchez Newark Norwalk Ocala "
    "Odessa Ogden Olympia Oshkosh Ottumwa Paducah Pasco Peoria Pueblo Quincy Racine Reno Roanoke Rochester "
    "Rome Salem Salina Sandusky Savannah Sedalia Sioux_City Spokane Stockton Tacoma Topeka Tupelo Utica "
    "Valdosta Waco Wausau Wichita Yakima Yuma Zanesville Keokuk Chillicothe Opelousas Tullahoma Wenatchee "
    "Ypsilanti"
)
WORD_TOWNS = W(
    "Hope Normal Liberty Paradise Independence Bethel Commerce Eureka Fairplay Friendship Harmony "
    "Marshall Welcome Unity Justice Concord Triumph Comfort Energy Bliss Golden Faith Celebration "
    "Opportunity Prosperity Charity Loyal Enterprise Success Defiance Plentywood Truth Patience Temple "
    "Cleveland"
)
COUNTIES = W(
    "Adams Allegheny Bexar Brazos Butte Calhoun Cass Cherokee Cuyahoga Dakota Dane DeKalb Douglas "
    "Essex Fayette Fulton Greene Hancock Harris Jefferson Kane Kent Knox Lake Linn Macomb Mercer Monroe "
    "Montgomery Oakland Orange Pike Polk Pulaski Ramsey Sangamon Sauk Summit Travis Union Washtenaw Wayne "
    "Yavapai Tippecanoe Muskingum Ouachita Saline"
)
COUNTRIES = W(
    "Vietnam Nigeria Ghana Ethiopia Somalia Mexico Guatemala El_Salvador Honduras Haiti Philippines "
    "India Pakistan Bangladesh China South_Korea Japan Iran Iraq Syria Lebanon Egypt Poland Ukraine "
    "Russia Ireland Scotland Italy Germany Netherlands France Greece Turkey Portugal Brazil Cuba "
    "Dominican_Republic Jamaica Kenya Eritrea Nepal Burma Laos Cambodia Samoa Tonga Fiji Norway Sweden "
    "Israel Colombia Peru"
)
STATES = [
    ("AL", "Alabama"),
    ("AZ", "Arizona"),
    ("AR", "Arkansas"),
    ("CA", "California"),
    ("CO", "Colorado"),
    ("CT", "Connecticut"),
    ("FL", "Florida"),
    ("GA", "Georgia"),
    ("ID", "Idaho"),
    ("IL", "Illinois"),
    ("IN", "Indiana"),
    ("IA", "Iowa"),
    ("KS", "Kansas"),
    ("KY", "Kentucky"),
    ("LA", "Louisiana"),
    ("ME", "Maine"),
    ("MD", "Maryland"),
    ("MA", "Massachusetts"),
    ("MI", "Michigan"),
    ("MN", "Minnesota"),
    ("MS", "Mississippi"),
    ("MO", "Missouri"),
    ("MT", "Montana"),
    ("NE", "Nebraska"),
    ("NV", "Nevada"),
    ("NH", "New Hampshire"),
    ("NJ", "New Jersey"),
    ("NM", "New Mexico"),
    ("NY", "New York"),
    ("NC", "North Carolina"),
    ("ND", "North Dakota"),
    ("OH", "Ohio"),
    ("OK", "Oklahoma"),
    ("OR", "Oregon"),
    ("PA", "Pennsylvania"),
    ("SC", "South Carolina"),
    ("TN", "Tennessee"),
    ("TX", "Texas"),
    ("UT", "Utah"),
    ("VA", "Virginia"),
    ("WA", "Washington"),
    ("WV", "West Virginia"),
    ("WI", "Wisconsin"),
    ("WY", "Wyoming"),
]
STREETS = W(
    "Riverside Mission Oak Maple Cedar Pine Elm Walnut Chestnut Sycamore Lakeview Hillcrest Sunset "
    "Highland Lincoln Jefferson Franklin Market Spring Mill Water Bridge Union Prospect Pleasant Magnolia "
    "Dogwood Laurel Juniper Aspen Birch Poplar Peachtree Orchard Meadowbrook Valley Summit Forest Woodland "
    "Fairview Greenbrier Briarwood Foxhall Stonegate Kingsley Whitfield Martin_Luther_King_Jr Cesar_Chavez "
    "Old_Mill Crestview Harbor Ridgeway Tamarack Quail_Run Cardinal Bluebonnet Pecan Cottonwood Mesquite "
    "Saguaro Palmetto Cypress Hawthorne Beacon Cambridge Oxford Wilshire Canterbury Lexington Belmont "
    "Clearwater Stonybrook Autumn_Ridge Deer_Creek Sandpiper Heron_Bay"
)
STREET_SUFFIX = [
    "St",
    "Street",
    "Ave",
    "Avenue",
    "Blvd",
    "Dr",
    "Drive",
    "Rd",
    "Road",
    "Ln",
    "Lane",
    "Ct",
    "Way",
    "Pl",
    "Pkwy",
    "Cir",
    "Terrace",
    "Trail",
    "Hwy",
]
SAINTS = W(
    "St._Agnes St._Brendan St._Catherine St._Dominic St._Elizabeth St._Francis St._Gabriel St._Helena "
    "St._Ignatius St._Joseph St._Luke St._Mary St._Michael St._Patrick St._Rita St._Vincent St._Anthony "
    "St._Clare St._Bernadette St._Jude St._Peter St._Anne St._Teresa St._Cecilia St._Kateri St._Benedict"
)
VIRTUES = W(
    "Mercy Providence Good_Samaritan Covenant Trinity Advent Ascension Baptist Methodist Presbyterian "
    "Sacred_Heart Holy_Cross Bon_Secours Beacon Pinnacle Harbor Evergreen Cornerstone Keystone Redeemer "
    "Lutheran Adventist"
)
REGIONS = W(
    "Blue_Ridge Tri-County Big_Sky Lakeshore Gulf_Coast High_Plains Piedmont Mid-Valley North_Country "
    "Delta Cascade Heartland Prairie Coastal_Bend Ozark Red_River Chesapeake Sandhills Great_Lakes "
    "Cumberland Palouse Treasure_Valley"
)
PHARM_CHAINS = [
    "CVS Pharmacy",
    "Walgreens",
    "Walmart Pharmacy",
    "Kroger Pharmacy",
    "Costco Pharmacy",
    "Rite Aid",
    "Publix Pharmacy",
    "H-E-B Pharmacy",
    "Safeway Pharmacy",
    "Hy-Vee Pharmacy",
    "Meijer Pharmacy",
    "Sam's Club Pharmacy",
    "Giant Eagle Pharmacy",
    "Wegmans Pharmacy",
    "Harris Teeter Pharmacy",
    "Fred Meyer Pharmacy",
    "Albertsons Pharmacy",
    "Winn-Dixie Pharmacy",
]
MAIL_PHARM = [
    "Express Scripts",
    "OptumRx",
    "CVS Caremark",
    "Amazon Pharmacy",
    "Humana CenterWell Pharmacy",
    "Alto Pharmacy",
]
EMPLOYER_CHAINS = [
    "Walmart Distribution Center",
    "Kroger",
    "Tyson Foods",
    "UPS",
    "FedEx Ground",
    "Home Depot",
    "Lowe's",
    "Amazon Fulfillment Center",
    "Dollar General",
    "Waffle House",
    "Chick-fil-A",
    "Starbucks",
    "Pilgrim's Pride",
    "Target",
    "Menards",
    "Buc-ee's",
    "Costco",
    "Cracker Barrel",
    "John Deere",
    "Caterpillar",
]
DME = ["Apria Healthcare", "Lincare", "AdaptHealth", "Rotech", "Numotion", "National Seating & Mobility"]

# organisation patterns: {T} town {S} surname {SA} saint {V} virtue {R} region {C} county {N} number {CH} chain
ORG_PATTERNS = {
    "hosp": [
        "{SA} Hospital",
        "{T} General Hospital",
        "{S} Memorial Hospital",
        "{V} Medical Center",
        "{T} Regional Medical Center",
        "{SA} Medical Center",
        "{V} {T} Hospital",
        "{R} Regional Hospital",
        "{T} Community Hospital",
        "{S} Memorial Medical Center",
        "{V} Health {T} Campus",
        "{SA} Regional",
        "{C} County Hospital",
        "{SA} Children's Hospital",
        "University Hospital of {T}",
        "{V} Hospital of {T}",
    ],
    "clinic": [
        "{T} Family Medicine",
        "{S} Pediatrics",
        "{V} Cardiology Associates",
        "{T} Internal Medicine Group",
        "{R} Oncology Associates",
        "{S} & {S2} Orthopedics",
        "{T} Women's Health",
        "{R} Behavioral Health",
        "{SA} Clinic",
        "{T} Free Clinic",
        "{V} Neurology",
        "{S} Eye Center",
        "{R} Cancer Institute",
        "{T} Kidney Care",
        "{S} Family Practice",
        "{R} Pulmonary & Sleep",
    ],
    "pharm": [
        "{CH} #{N}",
        "{CH}",
        "{S} Drug",
        "{CH} store {N}",
        "{T} Apothecary",
        "{CH} #{N}",
        "{S}'s Pharmacy",
        "{CH}",
    ],
    "snf": [
        "{T} Care Center",
        "{SA} Nursing and Rehabilitation",
        "{S} Manor",
        "The Gardens at {T}",
        "{R} Health and Rehab",
        "{V} Village",
        "{T} Healthcare Center",
        "{S} Senior Living",
    ],
    "rehab": [
        "{T} Rehabilitation Hospital",
        "Encompass Health Rehabilitation Hospital of {T}",
        "{S} Rehabilitation Institute",
        "{R} Rehab Center",
    ],
    "hospice": ["{T} Hospice House", "Hospice of the {R}", "{SA} Hospice", "{V} Hospice"],
    "unit": [
        "Gold Pod",
        "Tower B 7th floor",
        "{S} 6 South",
        "Blue Pod",
        "{V} Pavilion 4th floor",
        "North Tower 5",
        "Heart Tower 3",
        "Cedar Unit",
        "Willow Unit",
        "Magnolia Unit",
        "{S} 4 West",
        "Green Pod",
        "East Tower 9",
        "Orchid Unit",
        "{S} Pavilion 2 North",
        "Silver Pod",
    ],
    "employer": [
        "{CH}",
        "{CH} #{N}",
        "{S} Construction",
        "{T} Unified School District",
        "{S} & Sons Plumbing",
        "{T} Post Office",
        "{S}'s Diner",
        "{T} Tire & Auto",
        "{C} County Highway Department",
        "{T} Public Library",
        "{R} Electric Cooperative",
        "{S} Farms",
    ],
    "school": [
        "{T} High School",
        "{S} Elementary School",
        "{SA} Academy",
        "{T} Community College",
        "{T} Middle School",
        "{R} State University",
        "{S} Montessori School",
        "{SA} Catholic School",
        "{T} Christian Academy",
        "{S} Early Learning Center",
    ],
    "church": [
        "First Baptist Church of {T}",
        "{SA} Catholic Church",
        "Grace Lutheran Church",
        "Mount Zion AME Church",
        "Temple Beth Shalom",
        "Islamic Center of {T}",
        "{T} Church of Christ",
        "New Hope Missionary Baptist Church",
        "Holy Trinity Greek Orthodox Church",
        "Kingdom Hall of Jehovah's Witnesses in {T}",
        "Sri Ganesha Temple",
        "Our Lady of Guadalupe Parish",
        "Bethel AME Church",
        "Masjid Al-Noor",
        "{T} Seventh-day Adventist Church",
        "Living Waters Fellowship",
        "{T} United Methodist Church",
        "Congregation Beth Israel",
        "{SA} Episcopal Church",
        "Iglesia Pentecostal {T}",
    ],
    "agency": [
        "{C} County Department of Social Services",
        "{C} County Adult Protective Services",
        "Meals on Wheels of {T}",
        "{T} Housing Authority",
        "Area Agency on Aging of {R}",
        "{C} County Child Protective Services",
        "Visiting Nurse Association of {R}",
        "{R} Home Health",
        "Catholic Charities of {T}",
        "{C} County Veterans Service Office",
        "{R} Community Action Agency",
        "{T} Senior Services",
    ],
    "shelter": [
        "Salvation Army {T}",
        "{T} Rescue Mission",
        "Ronald McDonald House of {T}",
        "{R} Women's Shelter",
        "Haven House",
        "{T} Union Gospel Mission",
        "Hope Lodge {T}",
        "{SA} Family Shelter",
    ],
    "funeral": ["{S} Funeral Home", "{S} & Sons Funeral Home", "{T} Memorial Chapel", "{S}-{S2} Mortuary"],
    "opo": [
        "Gift of Life Donor Program",
        "LifeShare of the {R}",
        "{R} Donor Network",
        "{R} Organ Bank",
        "LifeGift",
        "Donor Alliance",
    ],
    "police": ["{T} Police Department", "{C} County Sheriff's Office", "{T} PD", "{C} County Sheriff"],
    "ems": [
        "{C} County EMS",
        "{T} Fire Rescue",
        "{R} Ambulance Service",
        "{S} Ambulance",
        "{T} Fire Department",
        "{R} Air Medical",
    ],
    "dmv": ["{T} DMV", "{C} County Motor Vehicle Office", "{T} BMV", "{C} County Tag Office"],
    "lab": [
        "Quest Diagnostics",
        "LabCorp",
        "{T} Imaging Center",
        "{R} Radiology",
        "{S} Neurodiagnostic Center",
        "{T} Sleep & EEG Lab",
        "ARUP Laboratories",
        "Mayo Clinic Laboratories",
        "{SA} Outpatient Imaging",
        "{R} Pathology Associates",
    ],
    "txco": ["{R} Transcription Services", "{S} Medical Transcription", "{T} Scribe Partners", "{R} Dictation Group"],
    "court": ["{C} County Probate Court", "{C} County Family Court", "{T} Municipal Court", "{C} County Circuit Court"],
    "psychfac": [
        "{T} Behavioral Health Hospital",
        "{R} Psychiatric Center",
        "{SA} Behavioral Health",
        "{S} Recovery Center",
    ],
}
PLACE_KIND = {
    "hosp": "hosp",
    "hosp2": "hosp",
    "hosp3": "hosp",
    "clinic": "clinic",
    "clinic2": "clinic",
    "pharm": "pharm",
    "pharm2": "pharm",
    "snf": "snf",
    "rehab": "rehab",
    "hospice": "hospice",
    "unit": "unit",
    "unit2": "unit",
    "employer": "employer",
    "employer2": "employer",
    "school": "school",
    "school2": "school",
    "church": "church",
    "agency": "agency",
    "shelter": "shelter",
    "funeral": "funeral",
    "opo": "opo",
    "police": "police",
    "ems": "ems",
    "dmv": "dmv",
    "lab": "lab",
    "imaging": "lab",
    "txco": "txco",
    "court": "court",
    "psychfac": "psychfac",
    "mailpharm": "mailpharm",
    "dme": "dme",
    "town": "town",
    "town2": "town",
    "town3": "town",
    "county": "county",
    "country": "country",
}
PERSONAL_DOMAINS = [
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "icloud.com",
    "aol.com",
    "hotmail.com",
    "comcast.net",
    "att.net",
    "protonmail.com",
    "live.com",
    "sbcglobal.net",
    "charter.net",
]

# ----------------------------------------------------------------------------------------------------------------
# Medical vocabulary (kept terms go to `medical`; the rest is plain filler)
# ----------------------------------------------------------------------------------------------------------------
MED = {
    "sign": W(
        "Babinski_sign Kernig_sign Brudzinski_sign Tinel_sign Phalen_test Murphy's_sign Homan's_sign "
        "Romberg_test Allen_test Lhermitte_sign Battle_sign Trendelenburg_sign Chvostek_sign Trousseau_sign "
        "Hoffmann_sign Rovsing_sign Lachman_test McMurray_test Spurling_test Finkelstein_test Cullen_sign "
        "Grey_Turner_sign Kehr_sign Thompson_test Adson_test Hawkins_test"
    ),
    "dx": W(
        "Parkinson's_disease Crohn's_disease Graves'_disease Addison's_disease Cushing's_syndrome "
        "Wilson's_disease Down_syndrome Hodgkin_lymphoma Barrett's_esophagus Sjögren's_syndrome "
        "Raynaud's_phenomenon Bell's_palsy Guillain-Barré_syndrome Kawasaki_disease Hashimoto's_thyroiditis "
        "Alzheimer's_disease Meniere's_disease Paget's_disease Dupuytren's_contracture Huntington's_disease "
        "Marfan_syndrome Charcot_foot Wernicke_encephalopathy Korsakoff_syndrome Tourette_syndrome "
        "Ehlers-Danlos_syndrome Lyme_disease Buerger's_disease"
    ),
    "dev": W(
        "Foley_catheter Swan-Ganz_catheter Jackson-Pratt_drain Hickman_catheter Penrose_drain "
        "Groshong_catheter Quinton_catheter Miami_J_collar Sengstaken-Blakemore_tube Denver_shunt "
        "Ommaya_reservoir Steinmann_pin Thomas_splint Jobst_stockings Yankauer_suction Blake_drain"
    ),
    "test": W(
        "Holter_monitor Doppler_ultrasound Epley_maneuver Valsalva_maneuver Gram_stain Bence_Jones_protein "
        "Coombs_test Westergren_ESR Wright_stain Ziehl-Neelsen_stain Papanicolaou_smear Tzanck_smear "
        "Schirmer_test Weber_test Rinne_test Dix-Hallpike_maneuver Kleihauer-Betke_test Snellen_chart"
    ),
    "proc": W(
        "Whipple_procedure Nissen_fundoplication Hartmann_procedure Roux-en-Y_gastric_bypass Billroth_II "
        "Ivor_Lewis_esophagectomy Kasai_procedure Ross_procedure Mohs_surgery Heller_myotomy Bankart_repair "
        "Latarjet_procedure Fontan_procedure Blalock-Taussig_shunt Glenn_shunt Ilizarov_frame"
    ),
    "scale": W(
        "Glasgow_Coma_Scale Morse_Fall_Scale Braden_scale Mallampati_class Ranson_criteria Wells_score "
        "Gleason_score Breslow_thickness Karnofsky_performance_status Richmond_Agitation-Sedation_Scale "
        "Child-Pugh_class Duke_criteria Hunt_and_Hess_grade Fisher_grade Bristol_stool_scale Norton_scale"
    ),
    "find": W(
        "Cheyne-Stokes_respirations Kussmaul_respirations Mallory-Weiss_tear Krukenberg_tumor Virchow_node "
        "Sister_Mary_Joseph_nodule Janeway_lesions Osler_nodes Roth_spots Austin_Flint_murmur Horner_syndrome "
        "Brown-Séquard_syndrome Todd_paralysis Bouchard_nodes Heberden_nodes Koplik_spots Auer_rods "
        "Reed-Sternberg_cells Howell-Jolly_bodies Schatzki_ring Zenker_diverticulum Baker_cyst "
        "Colles_fracture Jones_fracture Monteggia_fracture Smith_fracture"
    ),
}
DRUGS = [
    "lisinopril/5 mg,10 mg,20 mg",
    "metoprolol succinate/25 mg,50 mg",
    "amlodipine/5 mg,10 mg",
    "atorvastatin/20 mg,40 mg,80 mg",
    "metformin/500 mg,1000 mg",
    "insulin glargine/18 units,24 units",
    "apixaban/2.5 mg,5 mg",
    "warfarin/2 mg,5 mg",
    "furosemide/20 mg,40 mg",
    "levothyroxine/50 mcg,88 mcg",
    "sertraline/50 mg,100 mg",
    "escitalopram/10 mg,20 mg",
    "gabapentin/300 mg,600 mg",
    "tamsulosin/0.4 mg",
    "omeprazole/20 mg,40 mg",
    "pantoprazole/40 mg",
    "albuterol HFA/2 puffs",
    "tiotropium/18 mcg",
    "prednisone/10 mg,40 mg",
    "hydrochlorothiazide/12.5 mg,25 mg",
    "losartan/50 mg,100 mg",
    "carvedilol/6.25 mg,12.5 mg",
    "spironolactone/25 mg",
    "donepezil/5 mg,10 mg",
    "memantine/10 mg",
    "quetiapine/25 mg,100 mg",
    "lithium carbonate/300 mg",
    "Abilify/5 mg,10 mg",
    "Lyrica/75 mg",
    "Keppra/500 mg,750 mg",
    "Tylenol/650 mg",
    "Norco/5-325 mg",
    "Eliquis/5 mg",
    "Xarelto/20 mg",
    "Jardiance/10 mg",
    "Ozempic/0.5 mg",
    "Allegra/180 mg",
    "Zoloft/50 mg",
    "Lasix/40 mg",
    "Coumadin/5 mg",
    "trazodone/50 mg",
    "mirtazapine/15 mg",
    "clopidogrel/75 mg",
    "aspirin/81 mg",
    "docusate/100 mg",
    "senna/8.6 mg",
    "vitamin D3/2000 units",
    "ferrous sulfate/325 mg",
    "ondansetron/4 mg",
    "oxycodone/5 mg",
    "lorazepam/0.5 mg",
    "haloperidol/2 mg",
    "melatonin/3 mg",
    "prenatal vitamin/1 tab",
    "amoxicillin/500 mg",
    "cephalexin/500 mg",
    "doxycycline/100 mg",
    "nitrofurantoin/100 mg",
    "insulin lispro/6 units",
    "sitagliptin/100 mg",
    "montelukast/10 mg",
    "fluticasone/50 mcg",
    "cetirizine/10 mg",
    "ibuprofen/400 mg",
    "hydroxychloroquine/200 mg",
    "methotrexate/15 mg",
    "carbidopa-levodopa/25-100 mg",
    "Ativan/1 mg",
]
FREQS = [
    "daily",
    "BID",
    "TID",
    "nightly",
    "q6h PRN",
    "every morning",
    "weekly",
    "PRN",
    "twice daily",
    "q8h",
    "at bedtime",
    "once daily",
]
DX = [
    "hypertension",
    "type 2 diabetes mellitus",
    "COPD",
    "HFrEF (EF 30%)",
    "atrial fibrillation",
    "chronic kidney disease stage 3",
    "coronary artery disease",
    "hypothyroidism",
    "major depressive disorder",
    "generalized anxiety disorder",
    "osteoarthritis of both knees",
    "obstructive sleep apnea",
    "hyperlipidemia",
    "GERD",
    "iron deficiency anemia",
    "alcohol-related cirrhosis",
    "community-acquired pneumonia",
    "complicated urinary tract infection",
    "sepsis",
    "left leg DVT",
    "pulmonary embolism",
    "left MCA ischemic stroke",
    "seizure disorder",
    "vascular dementia",
    "osteoporosis",
    "gout",
    "moderate persistent asthma",
    "morbid obesity",
    "benign prostatic hyperplasia",
    "peripheral artery disease",
    "cellulitis of the right leg",
    "sigmoid diverticulitis",
    "acute pancreatitis",
    "acute kidney injury",
    "hyponatremia",
    "hypoactive delirium",
    "alcohol use disorder",
    "schizoaffective disorder",
    "bipolar I disorder",
    "chronic migraine",
]
DX_PEDS = [
    "moderate persistent asthma",
    "recurrent otitis media",
    "RSV bronchiolitis",
    "atopic dermatitis",
    "ADHD, combined type",
    "functional constipation",
    "simple febrile seizure",
    "iron deficiency",
    "streptococcal pharyngitis",
    "croup",
    "viral gastroenteritis",
    "failure to thrive",
    "type 1 diabetes",
    "speech delay",
]
DX_ONC = [
    "adenocarcinoma of the pancreatic head",
    "stage III non-small cell lung cancer",
    "invasive ductal carcinoma of the left breast",
    "rectal adenocarcinoma",
    "diffuse large B-cell lymphoma",
    "hepatocellular carcinoma",
    "high-grade serous ovarian carcinoma",
    "glioblastoma",
    "metastatic melanoma",
    "squamous cell carcinoma of the tongue",
    "muscle-invasive urothelial carcinoma",
    "prostate adenocarcinoma",
]
CC = {
    "adult": [
        "chest pain",
        "shortness of breath",
        "a fall at home",
        "fever and productive cough",
        "abdominal pain",
        "worsening leg swelling",
        "new confusion",
        "a syncopal episode",
        "black tarry stools",
        "left-sided weakness",
        "a non-healing foot ulcer",
        "right leg redness",
        "decreased urine output",
        "palpitations",
        "low back pain",
        "dizziness on standing",
        "nausea and vomiting",
        "worsening cough",
        "headache and blurred vision",
        "generalized weakness",
    ],
    "peds": [
        "fever and ear pain",
        "wheezing",
        "vomiting and diarrhea",
        "a spreading rash",
        "poor feeding",
        "a limp",
        "cough for two weeks",
        "abdominal pain",
        "a well-child check",
        "trouble sleeping",
    ],
    "ob": [
        "decreased fetal movement",
        "regular contractions",
        "leakage of fluid",
        "elevated blood pressure",
        "vaginal spotting",
        "a routine prenatal visit",
        "headache and swelling",
        "postpartum bleeding",
    ],
    "psych": [
        "worsening depression",
        "suicidal thoughts",
        "hearing voices",
        "alcohol withdrawal",
        "panic attacks",
        "not sleeping for days",
        "paranoia",
        "racing thoughts",
    ],
    "onc": [
        "weight loss and jaundice",
        "a breast mass",
        "hemoptysis",
        "rectal bleeding",
        "a neck mass",
        "new seizures",
        "painless hematuria",
        "night sweats",
    ],
}
PROCS = [
    "laparoscopic cholecystectomy",
    "total knee arthroplasty",
    "coronary artery bypass grafting",
    "colonoscopy with polypectomy",
    "transurethral resection of the prostate",
    "left hip ORIF",
    "laparoscopic appendectomy",
    "inguinal hernia repair",
    "lumbar laminectomy",
    "cataract extraction",
    "total abdominal hysterectomy",
    "total thyroidectomy",
    "carpal tunnel release",
    "PCI with drug-eluting stent",
    "AV fistula creation",
    "right mastectomy",
    "exploratory laparotomy",
    "tunneled dialysis catheter placement",
    "below-knee amputation",
    "spinal fusion L4-L5",
]
IMGTYPE = [
    "CT head without contrast",
    "CT abdomen/pelvis",
    "chest x-ray",
    "MRI brain",
    "RUQ ultrasound",
    "CT angiogram chest",
    "MRI lumbar spine",
    "transthoracic echo",
    "nuclear stress test",
    "renal ultrasound",
]
IMGFIND = [
    "no acute intracranial abnormality",
    "a 2.3 cm spiculated nodule in the right upper lobe",
    "small bilateral pleural effusions",
    "gallstones without wall thickening",
    "moderate degenerative change at L4-L5",
    "no pulmonary embolism",
    "left lower lobe consolidation",
    "mild right hydronephrosis",
    "an old lacunar infarct",
    "hepatic steatosis",
    "a 4 cm pancreatic head mass",
    "multiple hypodense liver lesions",
]
CARS = [
    "gray Honda Civic",
    "white Ford F-150",
    "blue Toyota Camry",
    "black Chevy Silverado",
    "red Nissan Altima",
    "silver Subaru Outback",
    "green Jeep Wrangler",
    "maroon Buick LaCrosse",
    "white Dodge Ram",
    "tan Lincoln Town Car",
    "black Kia Soul",
    "blue Hyundai Elantra",
]
UNIT_WORDS = [
    "ICU",
    "MICU",
    "SICU",
    "CCU",
    "PACU",
    "5 West",
    "4 North",
    "step-down unit",
    "telemetry unit",
    "medical floor",
    "NICU",
    "L&D",
    "observation unit",
    "neuro ICU",
]

# ----------------------------------------------------------------------------------------------------------------
# Fragment pools.  Index parity decides the fold (even -> train, odd -> dev).
# ----------------------------------------------------------------------------------------------------------------
POOLS = {
    "letterhead": [
        "{hosp!u}\n{hosp.addr} | {hosp.town}, {hosp.state} {hosp.zip}\nPhone {hosp.phone} | Fax {hosp.fax}",
        "{clinic}\n{clinic.addr}\n{clinic.town}, {clinic.state} {clinic.zip}\nTel: {clinic.phone}   Fax: {clinic.fax}\n"
        "{clinic.url}",
        "{hosp} - Department of [Internal Medicine|Surgery|Neurology|Cardiology|Family Medicine]\n{hosp.addr}, "
        "{hosp.town}, {hosp.state} {hosp.zip}\nMain line {hosp.phone}",
        "{clinic!u}  *  {clinic.addr}  *  {clinic.town} {clinic.state} {clinic.zip}\nph {clinic.phone}   fx "
        "{clinic.fax}   {clinic.email}",
        "A member of {hosp}\n{clinic}\n{clinic.addr}\n{clinic.town}, {clinic.state} {clinic.zip}\nAppointments: "
        "{clinic.phone} | Secure fax: {clinic.fax}",
        "{hosp}\n[Health Information Management|Hospital Medicine Service|Office of Clinical Documentation]\n"
        "{hosp.addr} - {hosp.town}, {hosp.state} {hosp.zip} - {hosp.phone}",
        "------------------------------------------\n{clinic}\n{clinic.addr} {clinic.town}, {clinic.state} "
        "{clinic.zip}\nT {clinic.phone} / F {clinic.fax} / {clinic.url}\n------------------------------------------",
        "{hosp!u}\n{hosp.town!u}, {hosp.state}\n[PATIENT CARE SERVICES|CLINICAL DOCUMENTATION]    TEL {hosp.phone}",
        "{hosp}\n{hosp.addr}\n{hosp.town}, {hosp.state} {hosp.zip}\n{hosp.url}   |   {hosp.phone}",
        "{clinic} | a practice of {hosp}\n{clinic.addr}, {clinic.town} {clinic.state} {clinic.zip}\nOffice "
        "{clinic.phone} ext. {ext}   Fax {clinic.fax}",
        "{clinic}   (formerly {clinic2})\n{clinic.addr}, {clinic.town}, {clinic.state} {clinic.zip}\nPhone: "
        "{clinic.phone}",
        "Department of [Medicine|Pediatrics|Psychiatry|Surgery], {hosp}\nMailing: {hosp.pobox}, {hosp.town}, "
        "{hosp.state} {hosp.zip}\n{hosp.phone} (voice)  {hosp.fax} (fax)",
        "{hosp} / {unit}\nDirect line {hosp.phone}, ext. {ext}\nReferral fax {hosp.fax}",
        "{clinic!u}\n{clinic.addr!u}\n{clinic.town!u} {clinic.state} {clinic.zip}\nTEL {clinic.phone}",
        "{hosp}   {hosp.addr}   {hosp.town}, {hosp.state}  {hosp.zip}\nAfter hours: {tollfree}   Email: {hosp.email}",
        "{clinic} at {hosp}\n{clinic.addr}\n{clinic.town}, {clinic.state} {clinic.zip}\nwww: {clinic.url}   "
        "phone {clinic.phone}",
    ],
    "ids": [
        "Patient: {pt.LF}\nMRN: {mrn}    DOB: {dob}    Age: {age}    Sex: {sexF}[    SSN: {ssn}|]\nAdmit: {adm}    "
        "Discharge: {dc}\nAttending: {att.LF}, {att.cred}",
        "NAME:          {pt.LF}\nMED REC #:     {mrn}\nACCOUNT #:     {acct}\nDOB:           {dob}\nLOCATION:      "
        "{unit}, {room}\nPCP:           {pcp.LF}",
        "{pt} | DOB {dob} | MRN {mrn} | CSN {csn}\nDate of service: {today} | Provider: {att.dr}",
        "Patient Name: {pt.LF}        Visit #: {csn}\nBirth Date: {dob} ({age} y)     SSN: {ssn}\nInsurance: "
        "[Medicare|Medicaid|commercial PPO|commercial HMO|Medicare Advantage] member ID {member}, group {group}",
        "Pt: {pt.LF}  MRN#{mrn}  Acct#{acct}\nAdm {adm} / Disch {dc}  LOS [2|3|4|5|6|8|11] d\nService: "
        "[Hospital Medicine|General Surgery|Cardiology] - {att.c}",
        "Identifiers\n{B}Name: {pt}\n{B}Preferred name: {pt.nick}\n{B}Date of birth: {dob}\n{B}Medical record "
        "number: {mrn}\n{B}Medicare MBI: {mbi}",
        "PATIENT {pt.LF!u}   MR {mrn}   DOB {dob}\nENCOUNTER {csn}   ROOM {room}   ATTENDING {att.LF!u}",
        "Re: {pt} (DOB {dob}, MRN {mrn})\nDate of note: {today}\nRequesting physician: {ref.dr}",
        "| Patient | {pt.LF} |\n| MRN | {mrn} |\n| DOB / Age | {dob} / {age} |\n| Encounter | {csn} |\n"
        "| Arrived | {today} {time} |",
        "Name ........ {pt.LF}\nDOB ......... {dob}\nMRN ......... {mrn}\nAddress ..... {pt.addr}, {town}, "
        "{pt.state} {pt.zip}\nHome phone .. {pt.phone}",
        "Patient Information\nName: {pt}    Gender: {Sex}    Age: {age}\nAddress: {pt.addr}\n         {town}, "
        "{pt.state} {pt.zip}\nCell: {pt.cell}    Email: {pt.email}",
        "{pt.LF}\t{mrn}\t{dob}\n[Admitting|Attending|Primary] physician:\t{att.LF}\nReferring:\t{ref.LF}\n"
        "Primary care:\t{pcp.LF}",
        "Patient: {pt} (goes by {pt.nick})  |  Chart {mrn}  |  DOB {dob}\nGuarantor account {acct}; claim ref {claim}",
        "DATE OF ADMISSION: {adm}\nDATE OF DISCHARGE: {dc}\nPATIENT: {pt.LF!u}\nMRN: {mrn}\nPRIMARY CARE PROVIDER: "
        "{pcp.dr!u} ({pcp.phone})",
        "Encounter {csn} - {hosp} - {unit}\n{pt.LF} / {Sex} / {age} yrs / MRN {mrn}\nDL# {dl} verified at registration",
        "Patient ID: {mrn}\nPatient: {pt.LF}[ (previously registered as {pt.aka})|]\nDOB: {dob}   SSN: {ssn}\n"
        "Visit date: {wdate}",
        "MRN {mrn} * {pt.LF} * {Sex} * DOB {dob} * Age {age}\nAdmitted {adm} to {unit} under {att.dr}",
        "Patient name:   {pt}\nDate of birth:  {dob}\nRecord no.:     {mrn}\nVisit:          {csn}\nPayer:          "
        "[Medicaid|Tricare|commercial|Medicare Advantage] ID {member}",
    ],
    "hpi": [
        "{pt.mr} is a {agephrase} {sexw} with {dx1} who presents with {cc}. Symptoms started on {date}[ while {he} "
        "was at work at {employer}|]. {He} was first evaluated at {hosp2} in {town2} and was sent here for further "
        "care.",
        "This is a {agephrase} {sexw}, known to {pcp.dr} at {clinic}, who was in {his} usual state of health until "
        "{wdate}, when {he} developed {cc}. {His} {sp.kin}, {sp.first}, drove {him} to the emergency department"
        "[ from their home in {town}|].",
        "{He} reports {cc} for about [two|three|five|ten] days. History is obtained from the patient and from {his} "
        "{ch1.kin} {ch1}, who lives nearby in {town2} and checks on {him} daily. [No recent travel.|{He} returned "
        "from {country} on {pdate}.]",
        "Pt is a {agephrase} {sexw} w/ PMH of {dx1} and {dx2} presenting w/ {cc}. Last seen in clinic by {pcp.drl} "
        "on {pdate}[; at that visit {his} {drug} was increased|]. Collateral from {cg}, {his} [home health aide|"
        "caregiver] from {agency}.",
        "{pt.mr} was referred by {ref.dr} of {clinic2} for evaluation of {cc}. The referral letter dated {pdate} "
        "notes [a little|some] improvement with {drug}, but symptoms recurred in {mdate}.",
        "Per EMS ({ems}), {pt.ref} was found at home by a neighbor, {friend}, at about {time} on {wdate}. On arrival "
        "{he} endorsed {cc}; {he} denies headache, chest pain or recent falls.",
        "{pt.mr} ({pt.nick} to family) is well known to our service. Since {his} last admission in {mdate}, {he} has "
        "been living at {snf} in {town2}. Staff there noted {cc} beginning on {date} and called {att.dr}.",
        'Chief complaint: "{cc}"\n{pt.ref!t} is a {agephrase} [teacher|machinist|nurse|truck driver|postal '
        "carrier|farmer] from {town} with {dx1}. {He} says the trouble began after a family visit on the {nth} "
        "and has not let up since.",
        "Interval: seen today with {his} {sp.kin}, {sp}. Since {date}, {he} notes {cc}. Will follow up on "
        "outstanding cultures. [Little|No] appetite; sleeping long hours.",
        "{pt.mr}, a {agephrase} {sexw} who emigrated from {country} in {yr} and speaks [Vietnamese|Spanish|Somali|"
        "Arabic|Haitian Creole|Polish|Farsi|Tagalog|Amharic|Korean] at home, presents with {cc}. The visit was "
        "conducted through interpreter {interp} (ID {interp_id}).",
        "Per {his} {ch1.kin}, {ch1} ({ch1.phone}), {pt.ref} has had {cc} since {wdate}. [{He} has a long history "
        "of|Long-standing] {dx1}, followed at {clinic} by {cons.dr}.",
        "{agephrase!t} {sexw} transferred from {hosp2} ({town2}) on {adm} with {cc}. Outside records, faxed from "
        "{hosp2.fax}, show [a negative troponin|an elevated lactate|a creatinine of 2.4].",
        "{pt.mr} presents to establish care after moving to {town} from {town3} in {mdate}. {His} previous physician "
        "was {pcp2.dr}[ at {clinic2}|]. Main concern today is {cc}.",
        "{pt.mr} states \"[I just don't feel right|my {m:heart} keeps racing|I can't catch my breath|it hurts to "
        'walk]". {He} reports {cc} for [a week|several days|about a month]. {His} {sp.kin} {sp} adds that {he} has '
        "been more tired since {mdate}.",
        "Patient is a {agephrase} {sexw} seen at the request of {att.dr} for {cc}. {He} was at {church} on {wdate} "
        "when symptoms began and a fellow parishioner, {friend}, called 911.",
        "{pt} is a {agephrase} {sexw} who works as a [cashier|welder|home health aide|line cook|bus driver|school "
        "custodian] at {employer} in {town}. {He} presents with {cc} that started during a shift on {date}; {his} "
        "supervisor, {boss}, sent {him} home.",
        "Patient presents with {cc}. Onset {date} at approximately {time}. Associated symptoms: [nausea|dizziness|"
        "fatigue|poor oral intake]. Denies [fever|chest pain|melena]. Last dose of {drug} taken {wdate}. {He} lives "
        "in {town} with {his} {sib.kin}, {sib}.",
        "The patient, a {agephrase} {sexw}, was brought in by {his} {ch2.kin}, {ch2}, who reports that {pt.mr} has "
        "had {cc} since {ch2.he} visited on {wdate}. Previous workup at {hosp2} in {mdate} included {proc}.",
        "{pt.mr} returns for follow-up of {dx1}. Since {his} visit with {np.c} on {pdate}, {he} notes {cc}. {He} "
        "ran out of {drug} after {pharm} in {town} could not fill it (Rx {rx}).",
        "{agephrase!t} {sexw} from {town}, {county}, who presented on {adm} with {cc}. {He} is a [former|current|"
        "never] smoker and was hospitalized at {hosp2} in {yr} for {dx2}.",
    ],
    "course": [
        "{pt.mr} was admitted to the [medicine service|{unitw}] on {adm} with {dx1}. {He} was treated with {drug} "
        "and improved. A {mx:dev} was placed on {date} and removed prior to discharge. {cons.dr} of [cardiology|"
        "nephrology|infectious disease] followed along.",
        "Hospital day 1 ({adm}): admitted under {att.dr}. Day 2: {proc} by {surg.dr}, uncomplicated. Day 3 ({dc}): "
        "tolerating diet, ambulating with {ptx.c}.",
        "Brief course: {dx1}, treated per protocol. Course complicated by [delirium|hypokalemia|a fall on the unit|"
        "urinary retention requiring a {mx:dev}]. Family ({sp}, {ch1}) updated daily by phone.",
        "In summary, this {agephrase} {sexw} was admitted from {snf} with {dx1}. The {mx:test} was reviewed with "
        "{path.dr}. {He} returns to {snf} on {dc}; orders faxed to {snf.fax}.",
        "^COURSE BY PROBLEM:\n{N} {dx1} - improved on {drug}.\n{N} {dx2} - stable; home regimen continued.\n{N} "
        "Disposition - {cm.c} arranged home health through {agency}.",
        "{pt.mr} presented with {cc} and was found to have {dx1}. Telemetry was unremarkable[; a {mx:test} was "
        "arranged for 14 days after discharge|]. {He} was seen by chaplain {chap} at {his} request on {wdate}.",
        "patient came in on {adm} with {cc}, was started on {drug}, seen by {cons.drl} who agreed with plan, kept on "
        "telemetry, no events, {sp.kin} {sp} at bedside most days, discharged {dc} in good condition",
        "Admitted {adm}. Underwent {proc} on {date} ({surg.dr}). Post-op course notable for [mild ileus|low-grade "
        "fevers|difficult pain control]. Wound care teaching provided to {his} {ch1.kin} {ch1}. Discharged {dc}.",
        "The stay at {hosp} was uneventful. {He} was followed by {np.c} and the {unit} nursing team. [A {mx:scale} "
        "assessment was completed on admission.|] Pharmacist {pharmd.c} completed medication reconciliation on "
        "{date}.",
        "{pt.mr} is a {agephrase} {sexw} admitted for {dx1}. {He} was seen in consultation by {cons.dr} and "
        "{cons2.dr}. Repeat imaging is due {fdate}; the order was placed with {imaging}.",
        "Summary of stay ({adm} - {dc}): {dx1} managed with {drug} and {drug2}; {dx2} stable. Moved briefly to the "
        "{unitw} on {date} for [hypotension|hypoxia|rapid ventricular response] and returned to {unit} the next day.",
        "{pt.mr} was transferred from {hosp2} on {adm} for a higher level of care. Imaging at {imaging} showed "
        "{imgfind}. {He} was managed medically; {surg.dr} felt {he} was not a surgical candidate.",
        "Stay complicated by a fall on {date} at about {time}; incident report {incident} filed. No injury; "
        "{mx:scale} updated. {His} {sp.kin} {sp} was notified by {rn.c}.",
        "Course: improved. {pt.ref!t} worked with physical therapy ({ptx.c}) and occupational therapy ({ot.c}). "
        "[Long-term|Short-term] rehab at {rehab} was discussed; {he} chose to go home with {his} {ch1.kin}, {ch1}, "
        "in {town2}.",
        "{pt.mr} was admitted on {adm} with {dx1}. Cultures sent to {lab} grew [E. coli|Klebsiella|MSSA]; "
        "antibiotics narrowed on {date} per {cons.drl}. PICC placed by the vascular access team (accession {acc}).",
        "On {adm} {pt.ref} presented to {hosp} with {cc}. {He} declined {proc} after discussion with {att.dr} and "
        "{his} {ch2.kin} {ch2}. Treated conservatively and discharged on hospital day [3|4|5].",
    ],
    "pmh": [
        "Past medical history: {dx1}; {dx2}; {dx3}. Past surgical history: {proc} ({yr}), [appendectomy|"
        "cholecystectomy|tonsillectomy] as a child. History of {mx:dx}.",
        "^PMH\n{B}{dx1}\n{B}{dx2}\n{B}{mx:dx}, followed by {cons.dr}\nPSH\n{B}{proc} at {hosp2}, {yr}",
        "{dx1}, {dx2}. Remote {proc} in {town3}. Immunizations current per state registry (record {registry}).",
        "Medical: {dx1} (diagnosed {mdate}), {dx2}. Surgical: {proc} by {surg.dr} in {yr}. Otherwise noncontributory.",
        "Significant for {dx1} and {mx:dx}, diagnosed at {hosp2} in {yr}. No prior surgeries. Denies prior "
        "transfusions.",
        "^PAST HISTORY\nMedical - {dx1}, {dx2}\nSurgical - {proc} ({pdate})\nHospitalizations - {hosp2}, {mdate}, "
        "for {dx3}",
        "{pt.ref!t} has had {dx1} for many years, managed by {pcp.dr}. [Also with|Additional history of] {dx2}. "
        "Prior {proc} at {hosp2} in {town2}.",
        "Hx: {dx1} / {dx2} / s/p {proc} {yr} / {mx:dx}",
        "{N} {dx1}\n{N} {dx2}\n{N} {mx:dx} - seen at {clinic2}, last visit {pdate}\n{N} s/p {proc}",
        "Past history is notable for {dx1}, first diagnosed during a stay at {hosp2} in {mdate}, and {dx2}. {He} "
        "had {proc} in {yr}.",
        "PMH: as above plus {dx2}. PSH: {proc}. Allergies: [NKDA|penicillin (hives)|sulfa (rash)|codeine (nausea)]. "
        "Influenza vaccine given {pdate} at {pharm}.",
        "Medical history: {dx1}; {mx:dx}; {dx2}. {He} is enrolled in a study at {clinic2} (study ID {case}).",
        "^Problems:\n- {dx1} (onset {yr})\n- {dx2}\n- history of falls\nSurgeries:\n- {proc}, {hosp2}, {pdate}",
        "Past medical: {dx1}, {dx2}, remote {dx3}. Surgical: none. Records requested from {hosp2} (request {req}).",
        "PMHx significant for {mx:dx} and {dx1}; followed by {cons.dr} at {clinic2} every [3|6] months. Last echo "
        "{pdate}, reportedly normal.",
        "Chronic conditions include {dx1} and {dx2}. {He} had {proc} in {town3} in {yr} and was hospitalized at "
        "{hosp2} on {pdate} for {dx3}.",
    ],
    "social": [
        "Lives with {his} {sp.kin} {sp} in {town}. Works at {employer}. [Never smoker|Former smoker, quit in {yr}|"
        "Smokes half a pack per day]. Alcohol: [none|socially|2-3 beers on weekends].",
        "{He} lives alone in an apartment in {town} and is independent in ADLs. {His} {ch1.kin} {ch1} is the "
        "health-care proxy and can be reached at {ch1.phone}. Attends {church}.",
        "Married to {sp} for [twelve|thirty|forty-one] years; they live in {town}, {county}. Retired from "
        "{employer} in {yr}. Drives. Enjoys [fishing|gardening|quilting|the church choir].",
        "Resident of {snf}, {town2}. Before placement {he} lived with {his} {sib.kin}, {sib}. {His} {ch1.kin}, "
        "{ch1.first}, visits on weekends and handles the finances.",
        "{pt.ref!t} is originally from {country} and moved to {town} in {yr}. {He} lives with {his} {sp.kin} {sp} "
        "and their [two|three] children; the youngest attends {school}. {He} works [nights|part-time] at {employer}.",
        "Pt lives w/ {sp.kin} {sp} in {town}. Employed by {employer}. No tobacco, EtOH occasionally, no drugs. Has a "
        "dog. Guns in home: [no|yes, locked].",
        "Housing: unstably housed; staying at {shelter} since {mdate}. Case manager at {agency} is {cm2} "
        "({cm2.phone}). Uses {pharm} for medications.",
        "{He} was widowed in {yr}; services for {his} late {sp.kin}, {sp}, were held at {funeral}. {He} now lives "
        "with {his} {ch1.kin}'s family in {town2}.",
        "[MARRIED|PARTNERED]. {sp.first!u} IS AT BEDSIDE. LIVES IN {town!u}. WORKS AT {employer!u}. NO TOBACCO.",
        "Lives in a [two-story house|mobile home|first-floor apartment] at {pt.addr} in {town} with {his} "
        "{sib.kin}, {sib}. Graduated from {school}. Drinks [little|no] alcohol.",
        "Lives with {his} {sp.kin}, {sp}, and their {gchild.kin} {gchild}, who attends {school} in {town}. Never "
        "smoked.",
        "Employment: [disabled since {yr}|retired|on medical leave] from {employer}. Transportation: rides from "
        "{church} volunteers or from {his} friend {friend}.",
        "Social hx: lives in {town} w/ a paid caregiver, {cg}, through {agency} 8 h/day. {His} {ch1.kin} {ch1} "
        "calls daily from {town3}.",
        "{He} is divorced and shares custody of two children with {his} former {sp.kin}, {sp}. Works as a "
        "[mechanic|teacher's aide|paralegal|barber] at {employer}.",
        "Household: {sp} ({sp.kin}), {ch1} ({ch1.kin}), and {his} {elder.kin}, {elder}, age {elder.age}, who has "
        "dementia. Lives in {town}.",
        "Religion: [Catholic|Baptist|Muslim|Jewish|Hindu|Buddhist|Pentecostal]; member of {church} in {town}. "
        "Clergy contact: {clergy.t} ({clergy.phone}). Lives with {sp}.",
        "{pt.mr} lives on a farm outside {town} with {his} {sp.kin}, {sp.first}. {His} nearest relative besides "
        "{sp.first} is {his} {sib.kin}, {sib}, in {town3}. Drinks [a little|no] alcohol; chews tobacco.",
        "Tobacco: [never|former (quit {yr})|current, 1 ppd]. EtOH: [denies|rare]. Illicits: denies. Occupation: "
        "[retired postal worker|welder|RN|pastor|cashier] ({employer}). Lives: {town}, with {sp}.",
        "Lives independently in a senior apartment complex in {town}. Meals delivered through {agency}. {His} "
        "{ch2.kin} {ch2} visits every Sunday after services at {church}.",
        "social history {he} lives with {his} {ch1.kin} {ch1!l} in {town!l}, {ch1.he} works at {employer}, no "
        "smoking no drinking, goes to church every week",
        "{He} drives a {car} (plate {plate}) and has a disability parking placard, number {placard}. Lives in "
        "{town} with {sp}.",
        "Support system: {his} {ch1.kin} {ch1}, {his} {ch2.kin} {ch2} (lives in {country}), and a close friend from "
        "{church}, {friend}. No home health currently.",
        "Lives with {his} {sp.kin} in {town2}; previously lived in {town3}. Recently laid off from {employer}. Food "
        "insecurity screen positive; referred to {agency}.",
        "{He} is a veteran ([Army|Navy|Marines|Air Force]) and also receives care at {hosp2}. Lives with {his} "
        "{sp.kin}, {sp}, at {pt.addr}, {town}. Volunteers at {school}.",
    ],
    "family": [
        "Mother with {dx1}, deceased at [62|71|80]. Father with {mx:dx}. {His} {sib.kin} {sib} has {dx2}.",
        "FH: [mother|father] - {dx2}; {sib.kin} - {dx1}; no family history of {mx:dx}.",
        "Significant for {dx1} in {his} {elder.kin}, {elder}, who is {elder.age} and lives at {snf}.",
        "Noncontributory except for {his} {sib.kin} {sib}, who had {proc} at {hosp2} last year.",
        "Father died in {yr} of {dx2}; mother living, age {elder.age}, in {town3}. Two siblings healthy.",
        "^FAMILY HISTORY\n{B}Mother: {dx1}\n{B}Father: {dx2}\n{B}{sib.kin!t}: {mx:dx}",
        "Strong family history of {dx1} (mother, maternal aunt). {His} {ch1.kin}, {ch1}, was recently diagnosed with "
        "{mx:dx} at {clinic2}.",
        "No known family history of bleeding disorders or anesthetic complications. Paternal grandfather with {dx2}. "
        "{His} {sib.kin}, {sib}, is a possible kidney donor.",
        "FHx: {mx:dx} (sister), {dx1} (father), {dx2} (mother). Family is from {country}.",
        "{His} {elder.kin}, {elder}, age {elder.age}, has {dx1} and is cared for at home by {his} {sib.kin} {sib}.",
        "Family history negative for {dx2}. Positive for {dx1} in both parents. {His} {sib.kin} {sib} had {mx:dx}.",
        "Adopted; family history unknown. Birth records reportedly held by {agency}.",
        "Mother - {dx1}, died at {hosp2} in {yr}.\nFather - {dx2}, alive.\n{sib.kin!t} ({sib.first}) - healthy.",
        "Twin {sib.kin} {sib} (lives in {town3}) has {mx:dx}; genetic counseling offered through {clinic2}.",
        "FAMILY HX: NOT CONTRIBUTORY. NO {dx2!u} IN FIRST-DEGREE RELATIVES. {sib.kin!u} {sib!u} HEALTHY.",
        "Reviewed with {his} {ch1.kin} {ch1}: mother had {dx1}; maternal uncle had {mx:dx}; no sudden cardiac death.",
    ],
    "meds": [
        "{medlist}\nPreferred pharmacy: {pharm}, {pharm.town} ({pharm.phone})",
        "Home medications (reconciled with {pharmd.c} on {date}):\n{medlist}",
        "{medlist}\nNew: {drug} - e-prescribed to {pharm}, Rx #{rx}.",
        "Current outpatient prescriptions:\n{medlist}\nPrior authorization {pa_num} approved for {drug} through "
        "{fdate}.",
        "^MEDS ON ADMISSION:\n{medlist}\nSource: patient's {sp.kin} {sp} and pill bottles from {pharm}.",
        "{medlist}\nSTOP: {drug}\nCHANGED: {drug2} dose reduced",
        "{medlist}\nFilled at {pharm}; external fill history reviewed on {date}.",
        "Per {his} list (handwritten by {his} {ch1.kin} {ch1.first}):\n{medlist}",
        "{medtable}",
        "{medlist}\nAllergies: [NKDA|Penicillin - hives|Sulfa - rash|Latex|Iodinated contrast - anaphylaxis]",
        "Outpatient regimen:\n{medlist}\nSamples of {drug} given by {np.c}. Refills to {pharm} (fax {pharm.fax}).",
        "{medlist}\nMail-order pharmacy: {mailpharm}, member ID {member}.",
        "^MEDICATIONS:\n{medlist}\nPt brought bottles from {pharm2}; two expired in {yr}.",
        "Reviewed:\n{medlist}\nAdherence: uses a pill organizer filled weekly by {cg}.",
        "{medlist}\nControlled substances: {drug} per PDMP query {date}; prescriber {pcp.dr}, DEA {dea}.",
        "{medlist}\nNo changes today. Next refill due {fdate} at {pharm}.",
    ],
    "exam": [
        "Vitals: {vitals}\nGeneral: [alert, in no distress|elderly, appears tired|pleasant, talkative]\nCV: {m:heart} "
        "sounds regular, no murmur\nNeuro: [no focal deficits|strength 5/5 throughout|able to march in place]; {mx:sign} negative\nExt: no "
        "edema",
        "VS {vitals}. HEENT: pupils equal, {m:iris} normal bilaterally. Lungs clear. Abdomen soft. {mx:sign} "
        "[absent|negative|not elicited].",
        "^PHYSICAL EXAM\n{vitals}\nGEN: NAD\nCHEST: CTAB\nCV: RRR\nABD: +BS, soft, NT\nNEURO: CN II-XII intact, "
        "{mx:sign} [negative|present on the left]",
        "On exam {he} is [thin|well-appearing|obese] and [comfortable|anxious]. {vitals}. Right {m:hand} with "
        "decreased grip strength; {mx:sign} positive. Skin without rash.",
        "{vitals}\nLungs: [bibasilar crackles|clear]\nCV: [irregularly irregular|RRR]\nAbd: soft\nGU: {mx:dev} in "
        "place, draining clear urine\nExt: [trace|2+] edema",
        "Objective:\nT [36.8|37.9|38.4] | HR [72|104|88] | BP [118/70|164/92|96/58] | SpO2 [95|98|91]%\nAlert and "
        "oriented x3. {mx:sign} [negative|equivocal]. Notable for {mx:find}.",
        "Gen: lying in bed, [chronically ill-appearing|comfortable]. {mx:dev} in place. Lungs: coarse breath sounds. "
        "{m:heart}: RRR. Neuro: {mx:sign} negative bilaterally.",
        "Exam today ({date}): {vitals}. Eyes: {m:iris} and lens clear. Extremities: warm, no {mx:find}. Gait: "
        "[steady|antalgic|wide-based; unable to march in place].",
        "PE: afebrile, {vitals}. [Little|No] distress. {m:heart} regular. Abdomen soft. {mx:sign} [positive|"
        "negative]. {m:bone} tenderness: none.",
        "^EXAMINATION\nGeneral appearance: [well|unwell], [cooperative|drowsy but arousable]\nVital signs: {vitals}\n"
        "Neurologic: {mx:scale} documented; {mx:sign} [negative|positive]",
        "Exam: {vitals}. Skin warm. Left {m:hand}: swelling over the thenar eminence. {mx:sign} positive; "
        "neurovascularly intact.",
        "VS: {vitals}\nHEENT: normocephalic\nCV: {m:heart} rate regular\nPulm: [clear|diminished at bases]\nAbd: "
        "[benign|distended]\nNeuro: {mx:sign} [not present|equivocal]",
        "Physical exam limited by [body habitus|patient cooperation]. {vitals}. {mx:dev} site clean and dry. "
        "{mx:find} noted.",
        "OBJECTIVE: Temp 37.2, pulse 92, BP 128/76, sats 96% RA. Cardiac: {m:heart} sounds distant. {mx:sign}: "
        "[negative|positive]. Musculoskeletal: {m:bone} pain over the right hip.",
        "General: [NAD|mild distress]. {vitals}. Eyes: {m:iris} [round|irregular] on the left (old trauma). "
        "{mx:sign} positive. No {mx:find}.",
        "Exam: {vitals}; well perfused. {m:hand} grip 4/5 on the right. {mx:sign} [negative|positive]. {mx:dev} "
        "removed today, site clean.",
    ],
    "results": [
        "Labs {date}: {labs}\nImaging: {imgtype} at {imaging} on {date} showed {imgfind}; read by {rad.dr}.",
        "{mx:test} [ordered|completed] on {date}; final results pending at {lab}. Accession {acc}.",
        "^LABS\n{labs}\nMICRO: {m:blood} cultures x2 no growth to date. {mx:test}: [pending|reviewed, see report|"
        "result called to {rn.c}].",
        "Pertinent results\n- {labs}\n- {imgtype} ({pdate}, {hosp2}): {imgfind}\n- ECG: [sinus rhythm|atrial "
        "fibrillation, rate 110|nonspecific ST changes]",
        "Pathology (case {acc}, signed out by {path.dr} on {date}): [benign|consistent with adenocarcinoma|no "
        "malignancy identified].",
        "{imgtype} {date}[ at {imaging}|]: {imgfind}. Compared with prior from {mdate}. Preliminary read by "
        "{rad.dr}; final by {rad2.dr}.",
        "Data reviewed today: {labs}. A1c 7.9% on {pdate}. {mx:test} result from {lab} received by fax from {lab.fax}.",
        "Echo ({date}): EF [35|45|55-60]%, no pericardial effusion. {mx:test} performed {wdate}; report in chart.",
        "Critical value: potassium 6.1 called to {rn} RN by {lab} at {time} on {date}; read back confirmed.",
        "^LAB RESULTS ({date} {time})\n{labs}\nTroponin <0.01 x2. BNP 412. {mx:test} pending.",
        "Outside records from {hosp2} (received {date}, request {req}): {imgtype} showed {imgfind}.",
        "Sleep study at {imaging} ({pdate}): AHI 34. EEG at {lab}: no epileptiform discharges.",
        "^Results:\n{B}CBC: WBC 11.2, Hgb 9.8\n{B}BMP: Cr 1.6 (baseline 1.1)\n{B}{mx:test}: [negative|positive|"
        "pending]\n{B}{imgtype}: {imgfind}",
        "Studies: {imgtype} read by {rad.dr}[ at {time}|]: {imgfind}. {mx:find} noted on review.",
        "Genetic testing sent to {lab} (requisition {req}) on {date}; results expected in [2|3|4] weeks.",
        "Microbiology: {mx:test} [pending|reviewed]; urine culture >100K E. coli. {m:bone} density ({pdate}): "
        "T-score -2.6.",
    ],
    "ap": [
        "{N} {dx1}: continue {drug}; recheck labs {fdate}.\n{N} {dx2}: stable.\n{N} Code status: [full code|DNR/DNI] "
        "- confirmed with {pt.ref} and {his} {sp.kin} {sp}.\n{N} Dispo: home when stable.",
        "Impression: {agephrase} {sexw} with {dx1}[, likely related to {mx:dx}|]. Plan: {drug}; follow-up with "
        "{cons.dr} in [2|4|6] weeks; symptoms may recur. Call {clinic.phone} with questions.",
        "^A/P\n# {dx1} - improving\n# {dx2} - {drug2} restarted\n# {mx:dx} - stable, outpatient follow-up at "
        "{clinic2}\n# Will follow up on final cultures.",
        "Assessment: {dx1}. The long-term plan was reviewed. [Little|No] role for surgery at this time per "
        "{surg.dr}. Recommend {drug} and a {mx:test} [before the next visit|in 3 months].",
        "Plan discussed with attending {att.dr}, who agrees. Patient and {his} {ch1.kin} ({ch1}) verbalized "
        "understanding. Next visit {fdate} with {pcp.dr}.",
        "^RECOMMENDATIONS:\n1) {drug} [5|10|20] mg daily\n2) {mx:test}\n3) Avoid NSAIDs\n4) Return precautions "
        "reviewed\nThank you for this consult; we will follow. - {cons.dr}",
        "IMPRESSION/PLAN: {dx1}, [new|chronic]. Start {drug}. Refer to {clinic2} (referral {req}). Social work "
        "({sw.c}) to help with transportation; {his} {sib.kin} {sib} may also help.",
        "plan is to continue {drug}, get {imgtype} tomorrow, {sp.kin} {sp!l} in agreement, will discuss at morning "
        "huddle with {att.drl}",
        "Assessment and Plan by problem:\n{B}{dx1} - {drug}; goal [BP <130/80|A1c <7|euvolemia]\n{B}{dx2} - "
        "monitor\n{B}Prophylaxis - heparin SQ\n{B}Dispo - likely {rehab} vs home; {cm.c} following",
        "{dx1}. We discussed a grace period of [two|four] weeks before changing therapy. May consider {mx:proc} if "
        "no improvement. Return to {clinic} on {fdate}.",
        "A: {dx1} with {mx:find}.\nP: {drug}; {mx:test}; d/w {cons.drl} (pager {cons.pager}).",
        "Overall {he} is [improving|slowly improving|unchanged]. Plan per problem list above; {mx:dev} to come out on "
        "{fdate}. Case discussed with resident {res} and {att.dr}.",
        "^IMPRESSION\n{dx1}\n{dx2}\nPLAN\nAdmit to {unit} under {att.dr}. {drug} IV. Consult {cons.dr}. NPO after "
        "midnight for {proc}.",
        "Plan: 1. {drug}. 2. {mx:test} on {wdate}. 3. Follow up at {clinic} with {np.c}. 4. {He} was given the nurse "
        "line, {tollfree}.",
        "The patient has {mx:dx} with {dx1}. Long discussion with {pt.ref} about options including {mx:proc}; {he} "
        "would like to talk with {his} {sp.kin} first. Will follow up on {wdate}.",
        "Assessment: {dx1}, {dx2}.\nPlan: continue current regimen; labs at {lab} in {town} before next visit; "
        "letter sent to {ref.dr}. Total time [35|45|60] minutes.",
    ],
    "dispo": [
        "Discharged home with {his} {sp.kin} on {dc} in stable condition. Follow-up: {pcp.dr}, {clinic}, on {fdate} "
        "at {time}; {cons.dr} in 2 weeks ({cons.phone}).",
        "Disposition: {snf}, {snf.town}. Report called to {snfrn}, RN, at {snf.phone} by {rn.c} at {time}.",
        "Home with home health through {agency}; first visit {fdate}. Return for [fever over 101|worsening pain|"
        "shortness of breath]. Portal: {hosp.url}.",
        "Discharge to {rehab} for acute rehabilitation. Transport by {ems} at {time}. Belongings sent with patient; "
        "{his} {car} (plate {plate}) remains in the visitor garage.",
        "DISPOSITION: ADMIT TO {unitw} UNDER {att.dr!u}. FAMILY ({sp!u}) AWARE.",
        "^Follow-up appointments:\n- {pcp.dr} ({clinic}) - {fdate}\n- {cons.dr} ({clinic2}) - {fdate}\n- Labs at "
        "{lab} - {wdate}",
        "Discharged to {hospice} on {dc} with {his} {ch1.kin} {ch1} as primary contact. POLST form (registry "
        "{placard}) accompanies patient.",
        "Pt will go home with {his} {sib.kin} {sib} ({sib.addr}, {sib.town}, {sib.state} {sib.zip}).",
        "Dispo: home. Work note provided for {employer} excusing {him} through {fdate}. Driving restriction [x 2 "
        "weeks|until cleared by neurology].",
        "Left against medical advice on {dc} at {time} after discussion with {att.dr}; AMA form signed, witnessed by "
        "{rn}, RN.",
        "Transferred to {hosp2} ({hosp2.town}) via {ems} for [cardiac catheterization|neurosurgical evaluation|ECMO "
        "evaluation]; accepting physician {acc_md.dr}. Transfer ID {case}.",
        "Discharge instructions reviewed with the patient and {cg} using teach-back. Questions: {clinic.phone} "
        "(weekdays) or {tollfree} after hours.",
        "Discharged home {dc}. Prescriptions sent to {pharm}. Follow up with {pcp.drl} within 7 days; appointment "
        "{wdate} at {time}.",
        "Dispo: remains inpatient. Anticipated discharge {fdate} to {snf}; bed offer pending, referral ID {req}.",
        "Discharge destination: home, {pt.addr}, {town}, {pt.state} {pt.zip}. Ride arranged through {agency}.",
        "Return visit to {clinic} on {wdate}. If no improvement, see {cons.dr} at {hosp2}. Portal questions: "
        "{clinic.email}.",
    ],
    "contacts": [
        "{careteam}",
        "Emergency contact: {sp} ({sp.kin}) - {sp.phone}\nAlternate: {ch1} ({ch1.kin}) - {ch1.phone}\nHealth-care "
        "proxy on file: {ch1.first}",
        "Name | Relationship | Phone\n{sp} | {sp.kin} | {sp.phone}\n{ch2} | {ch2.kin} | {ch2.phone}\n{friend} | "
        "friend | {friend.phone}",
        'From: {ch1} <{ch1.email}>\nTo: {rn.email}\nSent: {wdate} {time}\nSubject: question about discharge\n"Can '
        "someone call me at {ch1.phone}? I live in {town2} and can't get there until the weekend.\"",
        'Portal message from {pt.user} on {date}: "hi this is {pt.first!l}, staying w my {sib.kin} in {town2!l} '
        'till {wdate}. pls send refills to {pharm2}"',
        "Primary contact: {ch2} ({ch2.kin}), {ch2.addr}, {ch2.town}, {ch2.state} {ch2.zip}; cell {ch2.phone}; email "
        "{ch2.email}",
        "^Care team\n{B}Attending: {att.dr} (pager {att.pager})\n{B}Resident: {res.c} (pager {res.pager})\n{B}Charge "
        "nurse: {rn.c}, ext. {ext}\n{B}Case manager: {cm.c}",
        "POA / surrogate: {poa} ({poa.kin}), {poa.phone}. POA document scanned {date}.",
        "^CONTACTS\n{sp!u} ({sp.kin!u}) {sp.phone}\n{ch1!u} ({ch1.kin!u}) {ch1.phone}",
        "Social worker {sw.c}, direct {sw.phone}, email {sw.email}. Interpreter: {interp} (badge {badge}).",
        "Key:\n{rn.init} = {rn} RN\n{rn2.init} = {rn2} LPN\n{np.init} = {np}, NP",
        "Audit trail:\n{date} {time} opened by {rn.user}\n{date} {time} edited by {res.user}\n{date} {time} signed by "
        "{att.user} from workstation {ip}",
        "Outside providers: PCP {pcp.dr}, {clinic} ({clinic.phone}); cardiology {cons.dr}, {clinic2}; pharmacy "
        "{pharm} ({pharm.phone}).",
        "Next of kin: {ch3} ({ch3.kin}) in {country}, reachable by WhatsApp at {intlphone}. Local contact: {friend}.",
        "Home health: {agency}, nurse {hhrn} RN, office {agency.phone}, fax {agency.fax}.\nDME vendor: {dme} "
        "({dme.phone}).",
        "Contact log:\n{wdate} {time} - left message for {sp.mr} at {sp.phone}\n{wdate} {time} - spoke with {ch1} "
        "about discharge\n{wdate} - records faxed to {clinic2} at {clinic2.fax}",
    ],
    "sig": [
        "Electronically signed by {att.c} on {date} at {time}",
        "{att}, {att.cred}\nAttending Physician, {hosp}\nNPI {npi}",
        "______________________________\n{att.LF}, {att.cred}\nDictated: {date}   Signed: {date}",
        "I personally saw and examined the patient with {res.c} and agree with the findings and plan as documented. "
        "- {att.c}, {date}",
        "Signed: {np.c} | Co-signed: {att.dr} | {date} {time}",
        "--\n{cons}, {cons.cred}\n[Cardiology|Nephrology|Infectious Diseases|Neurology] | {clinic}\nPager "
        "{cons.pager} | {cons.email}",
        "Attestation: I saw and evaluated the patient and agree with the note above. {att.c}\nLicense {lic}",
        "Note written by {scribe} (scribe) in the presence of {att.dr}. I, {att}, attest that it is accurate. {date}",
        "{att.LF!u} {att.cred}\nAPPROVED {date} {time}",
        "Resident: {res.c} (pgr {res.pager})\nAttending: {att.c}\nSigned {wdate} {time}",
        "E-signed: {att.user} ({att}, {att.cred}) {date}",
        "Written by {res}, {res.cred}, PGY-[1|2|3], for {att.dr}. Discussed with {rn.c}.",
        "Electronically signed by: {np.c}\nSupervising physician: {att.c}\nNPI: {npi}  DEA: {dea}",
        "Seen and examined. {att.drl}\n{att.c} - {date}",
        "Author: {res.c}   Service: [Hospital Medicine|Surgery|Pediatrics]   Filed: {date} {time}   Cosigner: {att.c}",
        "Signed {wdate} by {att.c}. Reviewed by {pharmd.c}. Unit: {unit}.",
    ],
    "cc": [
        "cc: {pcp.dr}; {ref.dr}",
        "CC:\n{pcp.c}, {clinic}\n{cons.c}, {clinic2}",
        "Copies to: {pcp.dr} (fax {pcp.fax}); patient's {ch1.kin} {ch1} per signed release",
        "Distribution: {hosp} HIM; {pcp.drl}'s office; {snf} (attn: {snfrn}, RN)",
        "c: {ref.dr}, {clinic2}, {clinic2.addr}, {clinic2.town}, {clinic2.state} {clinic2.zip}",
        "cc: {pcp.drl}, {cons.drl}, {ref.drl}",
        "Electronic copy routed to: {pcp.LF}; {ref.LF}; {cons.LF}",
        "CC: {pcp.dr!u} / {clinic!u}",
        "Sent via Direct secure messaging to {pcp.email} on {date}",
        "cc list: PCP - {pcp.c}; Oncology - {onc.c}; Patient ({pt.email})",
        "Please forward to {ref.dr} at {ref.fax}, and to {ch2.kin} {ch2} per patient request.",
        "Copy to chart. Copy to {agency} (case {case}).",
        "cc: {pcp.c}\n    {cons.c}\n    {pt.mr} (mailed to {pt.addr}, {town}, {pt.state} {pt.zip})",
        "Routing: {pcp.LF} ({clinic}), {cons2.LF} ({clinic2})",
        "cc: {cons.drl}'s office; {ref.drl}'s office",
        "CC TO: {hosp2!u} MEDICAL RECORDS, FAX {hosp2.fax}; {pcp.dr!u}",
    ],
    "dict": [
        "D: {date} {time}\nT: {date} {time}\n{att.init}/{tx.initl}\nJob #{job}",
        "Dictated by: {att.c}\nTranscribed by: {tx} ({tx.user})\nDoc ID {docid}",
        "{att.init}:{tx.initl}   DD: {date}   DT: {date}   Job {job}",
        "Dictated but not read. {res.init}/{tx.initl} {date}",
        "Voice recognition software was used; please excuse errors. Dictation ID {job} from workstation {ip}.",
        "DICTATED BY {att.LF!u}  DATE {date}\nTRANSCRIBED BY {tx.LF!u}  DATE {date}\nCONF #{job}",
        "This note was drafted with an ambient AI scribe and reviewed by {att.c}. Session {docid}, device IP {ip}.",
        "D:{date} T:{date} #{job} {att.init}/{tx.init}",
        "Dictated {wdate} by {res}; transcribed by {tx}, {txco} (job {job}, request {req}).",
        "{att.init}/{tx.initl}\ncc: chart\nd {date} t {date}\nRe: {pt.typoLF}",
        "---\nDictated by {att.dr} on {date} at {time}. Transcribed {date}. {tx.initl}",
        "Transcriptionist: {tx.user} | Workstation {ip} | Job {job}",
        "Job: {job}   Voice ID: {docid}   Dictator: {att.LF}   Transcriber: {tx.LF}",
        "DD {date}  TD {date}  JN {job}  {att.init}/{tx.initl}\nPatient: {pt.typo}",
        "Dictated, not yet signed - {res.c}. Edited by {att.user} {date} {time}.",
        "Speech recognition: [Dragon|Fluency] session {docid}; author {att.user}; transcribed via {txco}.",
    ],
    "ed": [
        "Pt arrived by {ems} at {time}. Trauma activation (trauma # {trauma}). Restrained driver in a [two-car|"
        "single-vehicle] collision near {town}; {police} on scene, crash report {crash}. {His} vehicle, plate "
        "{plate}, was towed.",
        "{agephrase!t} {sexw} with {cc}. Differential includes {dx1} and {dx2}. {mx:scale} reviewed on arrival. "
        "Labs and {imgtype} ordered. Discussed with {cons.dr} by phone at {time}.",
        "Given {drug} and IV fluids with improvement. Reassessed at {time}: resting comfortably. {His} {sp.kin}, "
        "{sp}, is at bedside and was updated.",
        "Officer {officer} of {police} (badge {badge}) at bedside requested a {m:blood} alcohol level; declined "
        "without a warrant. Case {case}.",
        "Brought in by {friend} after a fall from a ladder at {employer}. Workers' comp claim {claim}; supervisor "
        "{boss} notified at {boss.phone}.",
        "{mx:test} performed[ at bedside|] with [improvement|no change]. Tele-neurology consult with {cons.dr} by "
        "video (session IP {ip}).",
        "Triage ({rn.c}, {time}): ambulatory, c/o {cc}. ESI 3. Arrived by private vehicle with {his} {ch1.kin} "
        "{ch1}; valet parked the {car}, plate {plate}.",
        "Re-evaluated at {time} by {att.dr}; {he} is tolerating PO. Poison control ({tollfree}) consulted, case "
        "{case}.",
        "Social work ({sw.c}) and a victim advocate from {agency}, {advocate}, met with the patient. Incident "
        "{incident} filed with {police}.",
        "ED course uneventful. Discussed with hospitalist {att.dr}, who accepts for admission to {unit}. Bed request "
        "{req}.",
        "Interpreter {interp} ([Spanish|Vietnamese|Arabic|Somali], ID {interp_id}) used for the entire encounter. "
        "Plan discussed with {his} {ch2.kin} {ch2} by phone ({ch2.phone}).",
        "Pedestrian struck in a parking lot in {town} by a pickup (VIN {vin}) per {police} report {crash}. The "
        "driver, {driver}, stayed on scene.",
        "EMS run sheet ({ems}, unit [12|47|Medic 5]): found down at {pt.addr}, {town}; fingerstick 48, given D50. "
        "Paramedic {emt}, {emt.cred}.",
        "^ED Course / MDM\n{time} - initial eval; {drug} given\n{time} - {imgtype} negative\n{time} - d/w "
        "{cons.drl}, will see in clinic\n{time} - dispo home",
        "Ambulance arrived from {snf} with transfer paperwork; facility nurse {snfrn} ({snf.phone}). Patient's "
        "{ch1.kin} {ch1} notified and en route from {town2}.",
        "Dog bite report filed with {county} animal control (report {case}). The owner, {owner} ({owner.phone}), "
        "states the dog is vaccinated.",
    ],
    "op": [
        "^PREOPERATIVE DIAGNOSIS: {dx1}\nPOSTOPERATIVE DIAGNOSIS: Same\nPROCEDURE: {proc}\nSURGEON: {surg.c}\n"
        "ASSISTANT: {asst.c}\nANESTHESIA: General, {anes.dr}\nEBL: [25|50|150|300] mL\nSPECIMENS: to pathology "
        "(accession {acc})\nFINDINGS: {mx:find}[; {mx:dev} placed|].",
        "^Procedure: {mx:proc}\nDate: {date}\nOperator: {surg.dr}   Assistant: {res.c}\nIndication: {dx1}\n"
        "Description: After informed consent was obtained from {pt.ref} and {his} {sp.kin} {sp}, the patient was "
        "brought to OR [4|7|12] at {hosp}. Counts correct.",
        "^BRIEF OP NOTE\nPre-op dx: {dx1}\nProcedure: {proc} with {mx:dev} placement\nSurgeon: {surg.drl}; "
        "Anesthesia: {crna.c} / {anes.drl}\nComplications: none\nDispo: PACU, then {unit}",
        "^Procedure note - [central line|lumbar puncture|paracentesis|thoracentesis]\nPerformed by {res.c} under "
        "supervision of {att.dr} on {date} at {time}. Time-out with {rn.c}. Consent signed by {his} {ch1.kin} {ch1} "
        "(health-care proxy). {m:Trendelenburg position} used. No complications.",
        "^OPERATIVE REPORT\nDate of surgery: {wdate}\nSurgeon: {surg.LF}, {surg.cred}\nFirst assistant: {asst.LF}\n"
        "Procedure performed: {mx:proc}\nImplant log request {req}",
        "^Operative narrative: the patient was identified in pre-op holding by name and date of birth ({dob}). {He} "
        "was taken to the operating room and placed supine. A {mx:dev} was inserted. {proc} was completed; counts "
        "were correct x2. {surg.dr} was present for the entire procedure.",
        "^PROCEDURE: [Colonoscopy|EGD|Bronchoscopy] with biopsy\nENDOSCOPIST: {surg.c}\nSEDATION: [propofol per "
        "anesthesia ({anes.c})|moderate sedation by {rn.c}]\nFINDINGS: {mx:find}. Biopsies to {lab} (req {req}).\n"
        "RECOMMEND: follow up with {ref.dr}.",
        "^Procedure: cardiac catheterization\nOperators: {cons.dr} (primary), {cons2.dr}\nAccess: right radial after "
        "a normal {m:Allen test}\nFindings: [80% mid LAD stenosis|no significant CAD]\nClosure: TR band.",
        "^OPERATIVE NOTE\nPatient: {pt.LF}   MRN: {mrn}\nProcedure: {proc}\nSurgeon: {surg.dr}\nAnesthesiologist: "
        "{anes.dr}\nCirculator: {rn}, RN   Scrub: {tech}, CST\nWound class: [I|II]   EBL: minimal",
        "^Bedside procedure: {mx:dev} placement\nIndication: [urinary retention|hemodynamic monitoring|drainage]\n"
        "Operator: {np.c}; verified by {rn2.c}\nTolerated well. Time-out at {time}.",
        "^Procedure date: {date}\nProcedure: {mx:proc} for {dx1}\nSurgeons: {surg.c}; {surg2.c}\nAnesthesia: "
        "{anes.c}\nFindings: {mx:find}\nDisposition: to {unit}, stable.",
        "^PROCEDURE NOTE\nName of procedure: {proc}\nConsent: obtained from patient; witness {rn.c}\nSedation: "
        "{crna.c}\nOperator: {surg.c}\nComplications: [none|minor bleeding, controlled]\nPathology accession: {acc}",
        "^Op note (dictated): pt brought to or [3|5] at {time}, general anesthesia by {anes.drl}, prepped and draped, "
        "{mx:proc} performed without difficulty, ebl minimal, to pacu in stable condition. {surg.init}/{tx.initl}",
        "^Indications: {agephrase} {sexw} with {dx1}. Risks including bleeding and infection discussed with "
        "{pt.ref} and {his} {sib.kin}, {sib}.\nProcedure: {proc}\nSurgeon: {surg.dr}; fellow: {res.dr}\nFindings: "
        "{mx:find}. {mx:dev} left in place.",
        "^IR PROCEDURE REPORT\nProcedure: [tunneled line|nephrostomy tube|IVC filter]\nInterventionalist: {rad.c}\n"
        "Technologist: {tech}\nContrast: 40 mL. Fluoro time 3.2 min. Accession {acc}.",
        "^Procedure: {mx:test}\nPerformed by: {np.c} at {clinic}\nResult: [symptoms resolved|partial improvement]\n"
        "Follow up with {cons.dr} if symptoms recur.",
    ],
    "ob": [
        "{pt.mr} is a {agephrase} G[2|3|4]P[1|2|3] at [32|36|38|39] weeks by LMP ({pdate}) with EDD {fdate}. "
        "Prenatal care at {clinic} with {cnm.c}. Partner {sp} is involved and present today.",
        "Delivered a {baby.kin} on {date} at {time}, [7 lb 2 oz|3.4 kg|2,890 g]. {m:Apgar} scores 8 and 9. Baby "
        "{baby.first} rooming in; pediatrician {pedsdoc.dr} at {clinic2}.",
        "OB history: G3P2002. First child delivered at {hosp2} in {yr}; second by cesarean at {hosp} in {yr}. "
        "{m:Bishop score} today [4|6|8].",
        "Prenatal labs ({pdate}): {m:blood} type A positive, antibody screen negative, GBS [negative|positive]. "
        "Immunization registry {registry}.",
        "Support person: {sp} ({sp.kin}); doula {doula} through {agency}. Plans to breastfeed. Pediatrician for baby "
        "{baby.first}: {pedsdoc.dr}.",
        "Postpartum day [1|2]. Mother and infant {baby} doing well. {m:Edinburgh Postnatal Depression Scale} score "
        "[4|6|11]. {He} lives with {sp} in {town}.",
        "L&D triage {date} {time}: presents with {cc}. Accompanied by {his} mother, {mom}. Fetal {m:heart} tones "
        "140s. Monitoring per {ob.dr}.",
        "Birth plan discussed. Father of baby, {sp}, present; {his} {sib.kin} {sib} is backup support. WIC enrolled "
        "through {agency}. Car-seat check scheduled with {ems}.",
        "Infant: {baby}, born {date} at {hosp} ({unit}). Weight [3,210|2,980|3,650] g. Cord {m:blood} sent. Newborn "
        "screen kit {acc}.",
        "Prenatal visit at [28|30|34] weeks: BP 142/91, trace protein. Sent to {hosp} L&D for monitoring; {cnm.c} "
        "called ahead to {rn.c}.",
        "^OB summary\n{B}EDD: {fdate}\n{B}{m:Blood} type: B+\n{B}GBS: pending\n{B}Delivering provider: {ob.dr}\n"
        "{B}Planned hospital: {hosp}\n{B}Pediatrician: {pedsdoc.dr}",
        "Maternal history of {mx:dx}. Fetal {m:heart} tones by {m:Doppler} in the 140s. Next visit with {cnm.c} on "
        "{fdate}.",
        "{pt.mr} and newborn {baby.first} discharged {dc}. Baby's father, {sp}, to drive them home to {town}. "
        "Lactation follow-up with {lact}, IBCLC, on {fdate}.",
        "Pregnancy complicated by gestational diabetes managed by {cons.dr}. Nutrition visits with {rd.c}. Works at "
        "{employer}; FMLA paperwork completed {date}.",
        "Emergency contact: {mom} ({mom.kin}, {mom.phone}). Birth certificate worksheet: baby's name {baby}; father "
        "{sp}.",
        "Antepartum admission {adm} for [preeclampsia|preterm labor|placenta previa] at [31|33|34] weeks. "
        "Betamethasone given {date}. NICU consult ({nicu.dr}) completed.",
    ],
    "peds": [
        "{pt.first} is a {agephrase} {sexw} brought in by {his} mother, {mom}, and father, {dad}, for {cc}. Attends "
        "{school}. Lives in {town} with both parents and [one|two] siblings.",
        "History provided by {guard} ({guard.kin}), who has had custody since {mdate} through {agency} (case "
        "{case}). {pt.first} sees {pedsdoc.dr} at {clinic} for routine care.",
        "Birth history: term, born at {hosp2}; {m:Apgar} scores 8/9. Milestones on track per {mom.first}. "
        "Immunizations up to date per registry ({registry}).",
        "{pt.first} ({pt.nick} at home) is in [3rd|5th|7th] grade at {school}; {his} teacher, {teacher}, reports "
        "trouble focusing. Mom {mom} works at {employer}; dad {dad} is deployed.",
        "Here with {his} {gparent.kin} {gparent}, the primary caregiver. Father {dad} ({dad.phone}) gave verbal consent "
        "by phone. Daycare: {school2}.",
        "Well-child: growth along the [25th|50th|75th] percentile. Dental home: {dentist}, {dentist.cred}. Vision "
        "screen by school nurse {schoolrn} normal.",
        "Chief concern per {mom.first}: {cc}. Sick contacts: a classmate at {school2}. Older sibling {sib} was "
        "recently treated for strep at {clinic2}.",
        "Child lives with mother {mom} and her partner {momp} at {pt.addr}, {town}. Father {dad} has visitation "
        "every other weekend in {town2}. Custody order on file.",
        "{pt.first} is a {agephrase} former [32|35]-week preemie followed at {clinic2} by {cons.dr} for {dx1}. Mom "
        "{mom} (cell {mom.phone}) requests a school note for {school}.",
        "Guardian: {guard} ({guard.kin}); contact {guard.phone}. {pt.first} attends {school} and plays [soccer|"
        "basketball] in the {town} youth league. No {m:bone} pain, no limp.",
        "Seen with {his} {guard.kin}, {guard}. Foster care agency: {agency}; caseworker {sw2} ({sw2.phone}). Biological "
        "mother {mom}; visits are supervised.",
        "History per parents ({mom}, {dad}): {cc} for [2|3|4] days. Fever to 102.4 at home. Older {sib.kin} {sib} is "
        "also sick. Attends {school2} three days a week.",
        "{pt.first} presents with {his} aunt, {aunt}, who brought {him} from {town2}. Parents are [in {country}|at "
        "work]; verbal consent from mother {mom} through interpreter {interp}.",
        "Follow-up after a NICU stay at {hosp2}. Mother {mom} reports good feeding; lactation support from {lact}. "
        "Pediatrician: {pedsdoc.dr}.",
        "School: {school}, IEP in place. Counselor {counselor} ({school.phone}, ext. {ext}). Lives with mom {mom}, "
        "stepdad {stepdad}, and half-{sib.kin} {sib}.",
        "{pt.first} was evaluated for possible {mx:dx}[ at {hosp2}|] on {pdate}. Cardiology ({cons.dr}) echo normal. "
        "Mother {mom} reports {he} is back at {school}.",
    ],
    "psych": [
        'MSE: [well-groomed|disheveled] {sexw} appearing stated age. Speech normal rate. Mood "[okay|depressed|'
        'anxious]", affect [constricted|congruent]. Thought process linear. Denies SI/HI. Insight [fair|limited].',
        "Collateral from {his} {sp.kin}, {sp} ({sp.phone}), who reports {pt.first} stopped taking {drug} in {mdate}.",
        "Risk assessment: prior overdose in {yr}, treated at {hosp2}. Firearms: none; {his} {sib.kin} {sib} removed "
        "them on {date}. Safety plan completed with {sw.c}.",
        "Legal: on probation (officer {po}, {po.phone}). Emergency hold initiated {date} at {time}; petition filed "
        "by {police} (case {case}).",
        "Psychiatric history: bipolar I diagnosed at {clinic2} in {yr}; admissions at {hosp2} ({mdate}) and "
        "{hosp3}. Outpatient psychiatrist {psy.dr}; therapist {therapist}, {therapist.cred}.",
        "Substance use: alcohol daily ([6|8|12] beers); last drink {wdate} at {time}. CIWA [8|12|15]; thiamine "
        "started for {m:Wernicke} prophylaxis.",
        'Reports hearing the voice of {his} late grandmother "telling {him} to go home to {town3}". No command '
        "hallucinations. Roommate {friend} called 911.",
        'Mental status: alert, oriented x4, cooperative. {He} described {his} mood as "[like a storm|heavy|numb|'
        'fine]". Judgment improved since admission to {unit}.',
        "Session with therapist {therapist}, {therapist.cred}. Discussed conflict with {his} {sp.kin} {sp} and "
        "stressors at {employer}. Homework: mood log. Next session {wdate}.",
        "PHQ-9 = [18|22|9]; GAD-7 = [12|15|6]. C-SSRS: passive ideation. Crisis line 988 and {tollfree} reviewed. "
        "{His} {ch1.kin} {ch1} will stay with {him} tonight.",
        "Behavioral health intake: referred by {ref.dr} from {clinic2}. Lives in {town} with {his} mother, {mom}. "
        "Works at {employer}. Sleeps 3-4 h a night.",
        "Patient asked that {his} {sib.kin} {sib} not be given information; release of information signed only for "
        "{sp} and {pcp.dr}.",
        "Telepsychiatry from the {hosp2} ED ({town2}); session connected at {time} from IP {ip}. Presenting with {cc}.",
        "History of ECT at {hosp2} ({yr}); lithium level 0.8 on {date}. Guardian ad litem {gal}, Esq., involved; "
        "competency hearing {fdate} at {court}.",
        'Patient says "[I just want to go home|nobody listens|I\'m fine, really]". Pacing observed; 1:1 sitter '
        "({tech}, CNA) continued per {att.drl}.",
        "Accepted to {psychfac} for inpatient psychiatric care; transport by {ems}; bed {room}. {His} {sp.kin} {sp} "
        "informed.",
    ],
    "tumor": [
        "^Presenter: {onc.dr}\nCase: {agephrase} {sexw} with {dx_onc}. Biopsy at {hosp2} on {pdate} (accession "
        "{acc}).\nPathology ({path.dr}): {mx:find}.\nRadiology ({rad.dr}): {imgfind}.",
        "^Attendees: {onc.c}; {surg.c}; {radonc.c}; {path.c}; {rad.c}; nurse navigator {nav}, RN; genetic "
        "counselor {gc}, {gc.cred}",
        "^Recommendation: neoadjuvant chemotherapy followed by {mx:proc}. Refer to {surg2.dr} at {hosp2}. Trial "
        "{case} screening through {clinic2}.",
        "^Staging: [cT2N1M0|cT3N0M0|pT1bN0]; ECOG [0|1|2]. Discussed on {date} with {his} {sp.kin} {sp} joining "
        "by video.",
        "^CASE SUMMARY\nPatient: {pt.LF}   MRN {mrn}\nReferring: {ref.dr}, {clinic2}\nDiagnosis: {dx_onc}\nPrior "
        "treatment: [none|FOLFOX x6 at {clinic}|resection in {yr}]",
        "^Discussion: {path.drl} noted {mx:find} on review of outside slides from {lab}. {rad.drl} felt the liver "
        "lesion is indeterminate. Consensus: PET at {imaging}.",
        "^Plan agreed by the board ({date}):\n1. PET-CT at {imaging}\n2. Return to {onc.drl}'s clinic {fdate}\n3. "
        "Palliative care referral to {pall.dr}\n4. Social work ({sw.c}) for lodging at {shelter}",
        "^Attendance: [14|18|22] participants. Presented by {res.c}. Patient's {ch1.kin}, {ch1}, asked that results "
        "go to family physician {pcp.dr} (fax {pcp.fax}).",
        "^Molecular: [KRAS G12C|EGFR exon 19 deletion|BRCA2 pathogenic variant|MSI-high] detected by {lab} (report "
        "{acc}). Germline testing offered; {gc} to contact {pt.ref}.",
        "^HISTORY: {agephrase} {sexw}, [never|former] smoker, from {town}, presenting with {cc}; found to have "
        "{dx_onc}. Prior {mx:dx}.",
        "^Board members present\nSurgical oncology: {surg.dr}\nMedical oncology: {onc.dr}\nRadiation oncology: "
        "{radonc.dr}\nPathology: {path.dr}\nRadiology: {rad.dr}\nCoordinator: {nav}",
        "^Outcome: not a candidate for resection owing to [vascular encasement|metastatic disease|comorbidities]. "
        "Options: {mx:proc} vs chemoradiation. {onc.drl} will meet the patient and {his} {sp.kin} on {wdate}.",
        "^Imaging review ({rad.c}): CT chest/abdomen/pelvis {date} at {imaging}: {imgfind}. Compared with {pdate}.",
        "^Pathology: {dx_onc}, [grade 2|poorly differentiated]; margins [negative|positive]. {mx:find} identified. "
        "Slides returned to {hosp2} (tracking {req}).",
        "^Recommendations sent to the referring provider, {ref.c}, at {clinic2} on {date} (fax {clinic2.fax}).",
        "^Treatment plan: [concurrent chemoradiation at {clinic}|surgery at {hosp} with {surg.drl}|systemic "
        "therapy]. Lives [3|2] hours away in {town2}; lodging at {shelter} arranged by {nav}.",
    ],
    "meeting": [
        "^Participants: {sp} ({sp.kin}), {ch1} ({ch1.kin}), {ch2} ({ch2.kin}), {ch3} ({ch3.kin}, by phone from "
        "{town3}); {att.dr}; {pall.c}; {sw.c}; chaplain {chap}.",
        "^Meeting held {date} at {time} in the {unitw} family room. {ch1.first} opened by sharing that {pt.first} "
        '"always said {he} never wanted machines." {ch2.first} agreed; {ch3.first} needed more time.',
        "^Family present: {sp}; children {ch1}, {ch2} and {ch3}; {pt.first}'s {sib.kin}, {sib}; family friend "
        "{friend}. Staff: {pall.dr}, {rn.c}, and {interp} (interpreter).",
        "^Discussion: we reviewed {pt.mr}'s course since admission on {adm}, including {dx1} and failure to wean. "
        "{ch1} is the health-care proxy (document dated {pdate}). The family asked about {hospice} in {town2}.",
        "^Outcome: transition to comfort-focused care. Family requested a visit from {clergy.t} of {church}; "
        "chaplain {chap} will coordinate.",
        "^Family meeting - {wdate}\nIn person: {sp}, {ch2}, {gchild}\nBy phone: {ch1} ({ch1.phone}) and {sib} in "
        "{country}\nFacilitator: {pall.c}",
        "^{ch2.first} asked whether {pt.first}'s {mx:dx} could improve. {att.dr} explained the long course and that "
        "[little|no] further benefit is expected from dialysis.",
        "^Goals: {pt.first}'s grandchild {gchild} is flying in from {town3} on {wdate}; the family wishes to continue "
        "current care until {gchild.he} arrives.",
        "^Code status changed to DNR/DNI after discussion; POLST completed and signed by {ch1} as surrogate; witness "
        "{rn}, RN. {sp.first} tearful but in agreement.",
        "^Family dynamics: {ch1} and {ch3} have not spoken in years. {ch3.first} lives in {town3} and prefers email "
        "({ch3.email}). {sw.c} will send a written summary.",
        "^Spiritual: {pt.mr} is a longtime member of {church}; {clergy.t} visited on {date}. The family asked for "
        "[Anointing of the Sick|prayers at the bedside|a favorite hymn].",
        "^Plan: hospice referral to {hospice} (referral {req}); funeral home of choice {funeral}; {ch2} to contact "
        "{opo} about tissue donation per {pt.first}'s wishes.",
        "^Participants\n- {sp} ({sp.kin})\n- {ch1} ({ch1.kin})\n- {ch2} ({ch2.kin})\n- {sib} ({sib.kin})\n- "
        "{pall.c}\n- {sw.c}\nDuration: [45|60|75] minutes",
        "^Prognosis discussed: likely days to short weeks. {sib.first} asked whether {pt.first} is in pain; we "
        "reviewed the morphine plan and the {mx:scale} with {rn.c}.",
        "^{pt.mr}'s {elder.kin}, {elder} ({elder.age}), attended with help from {cg}; the family agreed "
        "{elder.first} should not be burdened with decisions.",
        "^{att.dr} summarized: {pt.first} has {dx1} and {dx2}. Family voiced trust in the {unit} team. Next meeting "
        "{fdate} or sooner if needed; call {sw.c} at {sw.phone}.",
    ],
    "transfer": [
        "Transferring facility: {hosp2}, {hosp2.town}\nReceiving facility: {hosp}\nAccepting physician: {att.dr}\n"
        "Reason: [higher level of care|neurosurgical evaluation|ECMO candidacy|specialty services]\nTransfer center "
        "call ID {case} at {time}",
        "Transported via {ems} [ground|air] on {date}. Report given by {rn2.c} to {rn.c}. Belongings: phone, wallet, "
        "keys to {his} {car} (plate {plate}), left at {hosp2}.",
        "Referring physician {ref.dr} ({ref.phone}) requested transfer for {dx1}. Bed assignment: {unit}, {room}.",
        "TRANSFER: FROM {hosp2!u} ER TO {hosp!u} {unitw}. ACCEPTED BY {att.LF!u}. ETA {time}.",
        "Sending unit: {unit} ({hosp2}); receiving: {unitw}. Lines: PIV x2, {mx:dev}. Isolation: [contact|none]. "
        "Code status: [full|DNR].",
        "Patient will transfer to {rehab} on {fdate}; accepted by {rehabdoc.dr}. Insurance authorization {pa_num}.",
        "Reason for transfer: patient and {his} {ch1.kin} {ch1} request care closer to home in {town}.",
        "Transfer summary sent to {hosp2} by fax ({hosp2.fax}) and by Direct message to {ref.email}.",
        "Inter-facility: {snf} to {hosp}. Sending nurse: {snfrn} ({snf.phone}). Medication administration record "
        "attached.",
        "Transport: {ems}, unit [7|M12|Air 2]; crew {emt}, {emt.cred}, and {emt2}, {emt2.cred}. Departed {time}, "
        "arrived {time}.",
        "Accepting team: {unitw} - {att.dr}; fellow {res.dr}. Transfer request {req} logged {date} {time}.",
        "Internal transfer from {unit} to {unit2} on {date} for closer monitoring.",
        "Outside hospital course ({hosp2}, {adm} to {date}): treated for {dx1}; {mx:dev} placed there on {date}.",
        "Transfer initiated by {cons.dr} after a tele-consult; family ({sp}) consented and will drive from {town}.",
        "EMTALA form completed; physician certification signed by {ref.c}. Receiving RN {rn.c}, phone {hosp.phone} "
        "ext. {ext}.",
        "Repatriation to {hosp2} ({hosp2.town}) planned once stable; {cm.c} coordinating with {hosp2}'s transfer "
        "center ({hosp2.phone}).",
    ],
    "recipient": [
        "{today}\n\n{rcp.dr}\n{rcpo}\n{rcpo.addr}\n{rcpo.town}, {rcpo.state} {rcpo.zip}\n\nRE: {pt}   DOB: {dob}",
        "Date: {today}\nTo: {rcp.c}, {rcpo}\nFax: {rcpo.fax}\nRe: {pt.LF} (MRN {mrn})",
        "{rcp}, {rcp.cred}\n{rcpo.addr}\n{rcpo.town} {rcpo.state} {rcpo.zip}\n\n{wdate}\n\nPatient: {pt}, born {dob}",
        "{today}\n\nVIA FAX {rcpo.fax}\n{rcp.dr}\n{rcpo}\n\nRE: {pt.LF!u}\nDOB: {dob}   MRN: {mrn}",
        "To: {rcp.dr}, {rcpo}\nFrom: {att.dr}\nDate: {today}\nRegarding: {pt} (DOB {dob})",
        "{rcpo!u}\nATTN: {rcp.dr!u}\n{rcpo.addr}\n{rcpo.town}, {rcpo.state} {rcpo.zip}\n\n{today}\n\nRe: {pt}",
        "{today}\n\n{rcp.c}\n{rcpo}\n{rcpo.pobox}\n{rcpo.town}, {rcpo.state} {rcpo.zip}\n\nRe: your patient {pt}, "
        "date of birth {dob}",
        "Sent {wdate} by secure e-mail to {rcp.email}\nRe: {pt.LF}; MRN {mrn}",
        "{today}\n{rcp.dr}\n{rcpo}, {rcpo.addr}, {rcpo.town}, {rcpo.state} {rcpo.zip}\nPatient: {pt.LF}   DOB: {dob}",
        "TO: {rcp.LF}, {rcp.cred} - {rcpo}\nFAX: {rcpo.fax}   PHONE: {rcpo.phone}\nDATE: {today}\nRE: {pt} / {dob}",
        "{rcp.dr}\n{rcpo}\n{rcpo.addr}\n{rcpo.town}, {rcpo.state} {rcpo.zip}\n\nDate: {today}\nPatient: {pt}\n"
        "Date of birth: {dob}",
        "{today}\nTo: {rcpo}, attention {rcp.dr}\nRE: {pt} (MRN {mrn}, DOB {dob})",
        "{rcp}, {rcp.cred}\n{rcpo}\n\nDate: {today}\nRE: {pt.LF}, DOB {dob}, MRN {mrn}",
        "{today}\n\nPersonal and confidential\n{rcp.dr}\n{rcpo.addr}\n{rcpo.town}, {rcpo.state} {rcpo.zip}\n\n"
        "Re: {pt} ({dob})",
        "{wdate}\n{rcp.c}\n{rcpo} - fax {rcpo.fax}\nSubject: {pt.LF}, DOB {dob}",
        "Date dictated: {today}\nRecipient: {rcp.dr}, {rcpo}\nPatient: {pt} - DOB {dob} - {pt.addr}, {town}",
    ],
    "letter_clinic": [
        "Dear {rcp.drl},\n\nThank you for referring {pt.mr}, whom I saw in {clinic} on {date} for {cc}.",
        "Dear {rcp.first},\n\nI had the pleasure of seeing your patient {pt} today in consultation regarding {cc}.",
        "Dear Colleague,\n\nI saw {pt.mr} in the [cardiology|neurology|endocrine|nephrology] clinic on {wdate} at "
        "your request.",
        "Dear {rcp.dr},\n\nMany thanks for asking me to see this pleasant {agephrase} {sexw} with {cc}.",
        "Dear {rcp.drl}:\n\nI reviewed {pt.mr} today in follow-up. {He} was accompanied by {his} {sp.kin}, {sp}.",
        "Dear Dr. and colleagues,\n\nThis letter summarizes my assessment of {pt} on {date}.",
        "Dear {rcp.drl},\n\nThank you for your kind referral of {pt.mr}, who attended clinic with {his} {ch1.kin} "
        "{ch1} on {date}.",
        "Dr. {rcp.last},\n\nFollowing up on our phone conversation of {date}, I saw {pt.mr} today.",
        "Dear {rcp.dr},\n\nRE: {pt}\n\nI saw {pt.mr} again on {wdate}. Since the last visit {he} reports {cc}.",
        "Dear {rcp.first} -\n\nQuick update on our mutual patient, {pt.mr}, seen on {date}.",
        "Dear {rcp.drl},\n\nI am writing to update you on {pt.mr}, seen at {clinic} on {date} for {cc}.",
        "Dear {rcp.dr}:\n\nThank you for the opportunity to see {pt} in clinic on {date}. {He} came with {his} "
        "{sib.kin}, {sib}.",
        "Dear {rcp.drl},\n\nIt was good to see {pt.mr} again on {wdate}.",
        "Dear {rcp.first},\n\nThanks for sending {pt.mr} over. I saw {him} this morning at {clinic}.",
        "Dear {rcp.dr},\n\nI saw your patient {pt} (DOB {dob}) in the [spine|memory|heart failure|kidney] clinic "
        "on {date}.",
        "Dear {rcp.drl},\n\nThank you for involving me in the care of {pt.mr}.",
    ],
    "letter_referral": [
        "Dear {rcp.drl},\n\nI would be grateful if you could see {pt.mr}, a {agephrase} {sexw}, regarding {cc}.",
        "Dear {rcp.dr},\n\nI am referring {pt} (DOB {dob}) for further evaluation of {dx1}.",
        "Dear Colleague,\n\nPlease see {pt.mr}, whom I have followed at {clinic} since {yr}, for {cc}.",
        "Dear {rcp.first},\n\nCould you kindly see {pt.mr}? {He} has {dx1} and new {cc}.",
        "Dear {rcp.drl}:\n\nReferral for {mx:proc} evaluation: {pt} (MRN {mrn}).",
        "Dear {rcp.dr},\n\nThank you in advance for seeing {pt.mr}, who has had {cc} since {mdate}.",
        "To {rcp.dr},\n\nI am writing to request an urgent appointment for {pt.mr} with {cc}.",
        "Dear {rcp.drl},\n\nRequest for consultation: {pt.LF}, DOB {dob}. Reason: {cc}.",
        "Dear {rcp.drl},\n\nI would appreciate your opinion on {pt.mr}, who lives in {town} with {his} {sp.kin} {sp}.",
        "Dear {rcp.dr},\n\nPlease accept this referral for {pt}, seen by me on {date}.",
        "Dear {rcp.first} -\n\nSending you a patient I think would benefit from your clinic: {pt.mr}.",
        "Dear {rcp.drl},\n\nI am referring {pt.mr} at the request of {his} {ch1.kin}, {ch1}.",
        "Dear Sir or Madam,\n\nI am referring {pt}, date of birth {dob}, for assessment of {cc}.",
        "Dear {rcp.dr}:\n\nFormal referral: {pt.mr} ({agephrase} {sexw}). Insurance member ID {member}.",
        "Dear {rcp.drl},\n\nWould you be able to see {pt.mr} on {wdate} or soon after?",
        "Dear {rcp.dr},\n\nI saw {pt.mr} on {date} and would value your input on {his} {dx1}.",
    ],
    "letter_close": [
        "Thank you for allowing me to take part in {pt.mr}'s care. Please contact me at {clinic.phone} with any "
        "questions.\n\nSincerely,",
        "With kind regards,",
        "Please do not hesitate to call me directly at {clinic.phone}, ext. {ext}.\n\nYours sincerely,",
        "I will see {him} again on {fdate}. Thank you for this referral.\n\nBest regards,",
        "Kind regards,",
        "Thank you again for your help with this patient.\n\nWarm regards,",
        "Should you need anything further, my direct line is {phone}.\n\nRespectfully,",
        "Yours truly,",
        "I have copied this letter to {pt.mr} at {his} request.\n\nWith best wishes,",
        "Best wishes,",
        "Thank you for your ongoing care of {him}.\n\nSincerely yours,",
        "Regards,",
        "Feel free to page me at {att.pager} or email {att.email}.\n\nSincerely,",
        "Many thanks,",
        "We will keep you updated.\n\nCordially,",
        "Thanks again,",
    ],
}

TITLES = {
    "discharge": [
        "DISCHARGE SUMMARY",
        "Discharge Summary",
        "Hospital Discharge Summary",
        "DISCHARGE SUMMARY - FINAL",
        "Discharge Summary / Transition of Care",
        "Inpatient Discharge Summary",
    ],
    "hp": [
        "HISTORY AND PHYSICAL",
        "History & Physical",
        "Admission H&P",
        "ADMISSION HISTORY AND PHYSICAL",
        "H&P - Hospital Medicine",
        "Admit Note",
    ],
    "consult": [
        "CONSULTATION",
        "Consult Note",
        "Inpatient Consultation - [Cardiology|Nephrology|Neurology]",
        "CONSULTATION REPORT",
        "Initial Consult",
        "Specialty Consultation",
    ],
    "progress": [
        "PROGRESS NOTE",
        "Daily Progress Note",
        "Hospital Medicine Progress Note (SOAP)",
        "SOAP NOTE",
        "Interval Progress Note",
        "Progress Note - Day [2|3|4|5]",
    ],
    "op": [
        "OPERATIVE REPORT",
        "Operative Note",
        "PROCEDURE NOTE",
        "Brief Op Note",
        "Procedure Report",
        "OPERATIVE / PROCEDURE NOTE",
    ],
    "ed": [
        "EMERGENCY DEPARTMENT NOTE",
        "ED Provider Note",
        "Emergency Department Record",
        "ED PHYSICIAN DOCUMENTATION",
        "Emergency Medicine Note",
        "ED Visit Summary",
    ],
    "transfer": [
        "TRANSFER SUMMARY",
        "Interfacility Transfer Note",
        "Transfer of Care Summary",
        "INTER-HOSPITAL TRANSFER FORM",
        "Transfer Note",
        "Acceptance / Transfer Summary",
    ],
    "psych": [
        "PSYCHIATRIC EVALUATION",
        "Behavioral Health Progress Note",
        "Psychiatry Consult",
        "BEHAVIORAL HEALTH ASSESSMENT",
        "Initial Psychiatric Assessment",
        "Outpatient Psychiatry Follow-up",
    ],
    "ob": [
        "PRENATAL VISIT",
        "Obstetric Admission Note",
        "L&D Triage Note",
        "POSTPARTUM NOTE",
        "OB History and Physical",
        "Antepartum Progress Note",
    ],
    "peds": [
        "PEDIATRIC CLINIC NOTE",
        "Well Child Visit",
        "Pediatric Admission H&P",
        "PEDIATRIC PROGRESS NOTE",
        "Pediatric Urgent Care Note",
        "Pediatric Follow-up",
    ],
    "tumor": [
        "MULTIDISCIPLINARY TUMOR BOARD",
        "Tumor Board Summary",
        "Thoracic Tumor Board - Case Summary",
        "GI TUMOR CONFERENCE",
        "Cancer Conference Note",
        "Tumor Board Recommendations",
    ],
    "meeting": [
        "PALLIATIVE CARE FAMILY MEETING",
        "Family Meeting Note",
        "Goals of Care Conference",
        "PALLIATIVE MEDICINE - FAMILY CONFERENCE",
        "Family Meeting Documentation",
        "Goals-of-Care Discussion",
    ],
    "letter": ["Clinic Letter", "CONSULTATION LETTER", "Outpatient Letter", "Clinic Correspondence"],
    "referral": ["REFERRAL LETTER", "Referral", "Request for Consultation", "Specialist Referral"],
}

LABELS = {
    "hpi": [
        "History of Present Illness",
        "HPI",
        "Present Illness",
        "Interval History",
        "Subjective",
        "Clinical History",
        "History",
        "Reason for Visit / History",
    ],
    "course": [
        "Hospital Course",
        "Brief Hospital Course",
        "Course in Hospital",
        "Summary of Hospital Stay",
        "Clinical Course",
        "Course Summary",
    ],
    "pmh": ["Past Medical History", "PMH", "Past Medical/Surgical History", "Medical History", "Past History", "PMHx"],
    "social": ["Social History", "SH", "Social", "Social Hx", "Psychosocial History", "Social / Functional History"],
    "family": ["Family History", "FH", "Family Hx", "FHx"],
    "meds": [
        "Medications",
        "Current Medications",
        "Meds",
        "Medication List",
        "Home Medications",
        "Discharge Medications",
    ],
    "exam": ["Physical Examination", "Exam", "Objective", "Physical Exam", "Examination", "PE"],
    "results": ["Results", "Data", "Diagnostics", "Labs and Imaging", "Pertinent Results", "Studies"],
    "ap": [
        "Assessment and Plan",
        "A/P",
        "Impression and Plan",
        "Assessment / Recommendations",
        "Plan",
        "Impression",
        "Recommendations",
        "Assessment & Plan",
    ],
    "dispo": [
        "Disposition",
        "Discharge Instructions",
        "Follow-up",
        "Discharge Plan",
        "Dispo",
        "Follow Up Arrangements",
    ],
    "contacts": [
        "Contacts",
        "Care Team and Contacts",
        "Important Contacts",
        "Emergency Contacts",
        "Who to Call",
        "Contact Information",
    ],
    "ed": [
        "ED Course",
        "Emergency Department Course",
        "ED Course and Medical Decision Making",
        "MDM",
        "Course in the ED",
        "ED Management",
    ],
    "ob": ["Obstetric Summary", "OB Summary", "Prenatal Course", "Pregnancy Summary"],
    "peds": ["Pediatric History", "Child and Family", "Interval History", "Family and School"],
    "psych": [
        "Mental Status and Risk Assessment",
        "Psychiatric Assessment",
        "Behavioral Health",
        "Psychiatric History",
    ],
    "transfer": ["Transfer Details", "Reason for Transfer", "Transfer Information", "Interfacility Transfer"],
    "op": ["Procedure", "Operative Details", "Procedure Details", "Operation"],
    "tumor": ["Case Presentation", "Board Discussion", "Tumor Board", "Conference Summary"],
    "meeting": ["Family Meeting", "Meeting Summary", "Goals of Care", "Family Conference"],
}

# document plans: (section, probability); order is document order
PLANS = {
    "discharge": [
        ("letterhead", 0.6),
        ("title", 1),
        ("ids", 1),
        ("hpi", 0.45),
        ("course", 1),
        ("pmh", 0.45),
        ("social", 0.5),
        ("family", 0.2),
        ("meds", 0.6),
        ("exam", 0.3),
        ("results", 0.4),
        ("ap", 0.5),
        ("dispo", 1),
        ("contacts", 0.3),
        ("sig", 1),
        ("cc", 0.45),
        ("dict", 0.45),
    ],
    "hp": [
        ("letterhead", 0.4),
        ("title", 1),
        ("ids", 1),
        ("hpi", 1),
        ("pmh", 0.85),
        ("social", 0.85),
        ("family", 0.6),
        ("meds", 0.6),
        ("exam", 1),
        ("results", 0.5),
        ("ap", 1),
        ("sig", 1),
        ("cc", 0.25),
        ("dict", 0.35),
    ],
    "consult": [
        ("letterhead", 0.5),
        ("title", 1),
        ("ids", 1),
        ("hpi", 1),
        ("pmh", 0.6),
        ("social", 0.6),
        ("family", 0.35),
        ("meds", 0.4),
        ("exam", 0.9),
        ("results", 0.5),
        ("ap", 1),
        ("sig", 1),
        ("cc", 0.5),
        ("dict", 0.35),
    ],
    "progress": [
        ("title", 1),
        ("ids", 0.8),
        ("hpi", 1),
        ("exam", 1),
        ("results", 0.7),
        ("ap", 1),
        ("contacts", 0.35),
        ("sig", 1),
        ("dict", 0.2),
    ],
    "op": [
        ("letterhead", 0.4),
        ("title", 1),
        ("ids", 1),
        ("op", 1),
        ("results", 0.3),
        ("dispo", 0.5),
        ("sig", 1),
        ("cc", 0.4),
        ("dict", 0.6),
    ],
    "ed": [
        ("title", 1),
        ("ids", 1),
        ("hpi", 1),
        ("pmh", 0.45),
        ("social", 0.5),
        ("exam", 1),
        ("ed", 1),
        ("ed", 0.4),
        ("results", 0.5),
        ("ap", 0.6),
        ("dispo", 1),
        ("sig", 1),
        ("dict", 0.25),
    ],
    "letter": [
        ("letterhead", 1),
        ("title", 0.25),
        ("recipient", 1),
        ("letter_clinic", 1),
        ("hpi", 1),
        ("pmh", 0.4),
        ("social", 0.45),
        ("meds", 0.35),
        ("exam", 0.5),
        ("results", 0.4),
        ("ap", 1),
        ("letter_close", 1),
        ("sig", 1),
        ("cc", 0.7),
        ("dict", 0.35),
    ],
    "referral": [
        ("letterhead", 1),
        ("title", 0.3),
        ("recipient", 1),
        ("letter_referral", 1),
        ("hpi", 1),
        ("pmh", 0.55),
        ("social", 0.55),
        ("meds", 0.45),
        ("results", 0.35),
        ("ap", 0.3),
        ("letter_close", 1),
        ("sig", 1),
        ("cc", 0.55),
        ("contacts", 0.3),
    ],
    "transfer": [
        ("letterhead", 0.45),
        ("title", 1),
        ("ids", 1),
        ("transfer", 1),
        ("transfer", 0.5),
        ("hpi", 0.5),
        ("course", 0.7),
        ("meds", 0.6),
        ("exam", 0.4),
        ("ap", 0.5),
        ("contacts", 0.5),
        ("sig", 1),
        ("cc", 0.35),
    ],
    "psych": [
        ("title", 1),
        ("ids", 1),
        ("hpi", 1),
        ("psych", 1),
        ("psych", 0.6),
        ("social", 1),
        ("family", 0.5),
        ("meds", 0.45),
        ("ap", 1),
        ("contacts", 0.3),
        ("sig", 1),
        ("dict", 0.25),
    ],
    "ob": [
        ("title", 1),
        ("ids", 1),
        ("hpi", 0.4),
        ("ob", 1),
        ("ob", 0.6),
        ("pmh", 0.4),
        ("social", 0.6),
        ("exam", 0.6),
        ("ap", 0.8),
        ("dispo", 0.45),
        ("sig", 1),
        ("cc", 0.3),
    ],
    "peds": [
        ("letterhead", 0.3),
        ("title", 1),
        ("ids", 1),
        ("peds", 1),
        ("peds", 0.8),
        ("pmh", 0.35),
        ("family", 0.35),
        ("exam", 0.8),
        ("ap", 0.9),
        ("sig", 1),
        ("dict", 0.2),
    ],
    "tumor": [
        ("letterhead", 0.5),
        ("title", 1),
        ("ids", 1),
        ("tumor", 1),
        ("tumor", 0.8),
        ("hpi", 0.5),
        ("results", 0.7),
        ("ap", 0.8),
        ("sig", 0.8),
        ("cc", 0.6),
    ],
    "meeting": [
        ("title", 1),
        ("ids", 1),
        ("meeting", 1),
        ("meeting", 0.8),
        ("hpi", 0.45),
        ("social", 0.5),
        ("ap", 0.7),
        ("contacts", 0.55),
        ("sig", 1),
        ("cc", 0.35),
    ],
}
KINDS = list(PLANS)
NO_HEADING = {
    "letterhead",
    "title",
    "ids",
    "sig",
    "cc",
    "dict",
    "recipient",
    "letter_clinic",
    "letter_referral",
    "letter_close",
}
LETTER_BODY = {"hpi", "pmh", "social", "meds", "exam", "results", "ap"}  # plain paragraphs inside letters
PROSE = {"hpi", "course", "social", "family", "pmh", "ap", "ed", "psych"}
ALIASES = {
    "peds": {
        "sp": "mom",
        "ch1": "dad",
        "ch2": "gparent",
        "ch3": "aunt",
        "elder": "gparent",
        "gchild": "sib2",
        "cg": "guard",
        "poa": "mom",
    },
    "letter": {"rcp": "ref", "rcpo": "clinic2"},
    "referral": {"rcp": "cons", "rcpo": "clinic2"},
}

# ----------------------------------------------------------------------------------------------------------------
# Roles: clinicians (credentials), other non-family persons (titles), family (kin words)
# ----------------------------------------------------------------------------------------------------------------
CLIN = {
    "att": "MD|DO|MD, FACP|MD, PhD|MD, MPH",
    "res": "MD|DO",
    "np": "NP|APRN|FNP-BC|AGACNP-BC|DNP, APRN",
    "pa": "PA-C",
    "rn": "RN|RN, BSN|BSN, RN",
    "rn2": "RN|LPN",
    "snfrn": "RN|LPN",
    "hhrn": "RN",
    "pcp": "MD|DO|MD, FAAFP|NP",
    "pcp2": "MD|DO",
    "ref": "MD|DO",
    "cons": "MD|DO|MD, FACC",
    "cons2": "MD",
    "surg": "MD|MD, FACS|DO",
    "surg2": "MD, FACS|MD",
    "asst": "PA-C|MD|RNFA",
    "anes": "MD|DO",
    "crna": "CRNA",
    "rad": "MD",
    "rad2": "MD|DO",
    "path": "MD",
    "onc": "MD",
    "radonc": "MD",
    "pall": "MD|DO|NP",
    "sw": "LCSW|MSW|LICSW",
    "sw2": "MSW|BSW",
    "cm": "RN, CCM|RN|LMSW",
    "cm2": "MSW|CHW",
    "pharmd": "PharmD|PharmD, BCPS",
    "ptx": "PT, DPT|PT",
    "ot": "OTR/L",
    "rd": "RD, LD|RDN",
    "chap": "M.Div.|BCC",
    "interp": "CHI|CMI",
    "tx": "",
    "scribe": "",
    "psy": "MD|DO",
    "therapist": "LMFT|LCSW|PhD|PsyD",
    "tech": "CNA|PCT|CST",
    "emt": "EMT-P|NRP|EMT-B",
    "emt2": "EMT-B|EMT-P",
    "cnm": "CNM",
    "ob": "MD|DO",
    "pedsdoc": "MD|DO|MD, FAAP",
    "nicu": "MD",
    "lact": "IBCLC",
    "dentist": "DDS|DMD",
    "rehabdoc": "MD|DO",
    "acc_md": "MD",
    "nav": "RN",
    "gc": "MS, CGC",
    "schoolrn": "RN",
    "counselor": "M.Ed.|LPC",
    "doula": "",
}
DOCTORS = {
    "att",
    "res",
    "pcp",
    "pcp2",
    "ref",
    "cons",
    "cons2",
    "surg",
    "surg2",
    "anes",
    "rad",
    "rad2",
    "path",
    "onc",
    "radonc",
    "pall",
    "psy",
    "ob",
    "pedsdoc",
    "nicu",
    "rehabdoc",
    "acc_md",
    "dentist",
}
OTHER = {
    "teacher": "",
    "advocate": "",
    "officer": "Officer|Sgt.|Deputy|Trooper|Det.",
    "po": "",
    "gal": "",
    "boss": "",
    "driver": "",
    "owner": "",
    "clergy": "Rev.|Pastor|Father|Imam|Rabbi|Deacon",
}
FAMILY = {
    "sp": ("husband|partner|boyfriend|fiancé", "wife|partner|girlfriend|fiancée"),
    "ch1": ("son", "daughter"),
    "ch2": ("son", "daughter"),
    "ch3": ("son", "daughter"),
    "sib": ("brother", "sister"),
    "sib2": ("brother", "sister"),
    "mom": ("mother", "mother"),
    "dad": ("father", "father"),
    "momp": ("partner", "partner"),
    "stepdad": ("stepfather", "stepfather"),
    "aunt": ("aunt", "aunt"),
    "gparent": ("grandfather", "grandmother"),
    "elder": ("father|uncle", "mother|aunt"),
    "gchild": ("grandson", "granddaughter"),
    "cg": ("caregiver|home health aide", "caregiver|home health aide"),
    "friend": ("friend|neighbor|roommate", "friend|neighbor|roommate"),
    "guard": ("foster father|grandfather|uncle|legal guardian", "foster mother|grandmother|aunt|legal guardian"),
    "poa": ("nephew|son-in-law|friend", "niece|daughter-in-law|friend"),
    "baby": ("boy", "girl"),
}
FORCED_GENDER = {"mom": "F", "dad": "M", "momp": "M", "stepdad": "M", "aunt": "F", "doula": "F", "cnm": None}

ID_PATTERNS = {
    "mrn": ["########", "E#######", "###-##-##", "MR######", "#######", "M########"],
    "acct": ["##########", "A#########", "V########", "##-#######"],
    "csn": ["##########", "###########"],
    "ssn": ["###-##-####"],
    "member": ["@@@#########", "W#########", "###########", "@@#######"],
    "group": ["######", "GRP-#####", "#####-###"],
    "mbi": ["#@@#-@@#-@@##"],
    "claim": ["CLM-########", "############", "WC-##-#####"],
    "dl": ["@#######", "D###-####-####", "########", "@###-###-##-###-#"],
    "lic": ["MD######", "@#####", "##-######", "DO.#####"],
    "npi": ["1#########"],
    "dea": ["@@#######"],
    "acc": ["S##-#####", "CP-##-######", "@@##-####", "M##-####"],
    "job": ["#######", "########", "J######"],
    "req": ["REQ#######", "########", "R-######"],
    "rx": ["#######", "RX########", "##-######"],
    "pa_num": ["PA-#########", "###########", "AUTH#####"],
    "case": ["##-######", "CASE-#######", "####-#####"],
    "incident": ["IR-######", "##-#####", "INC-#######"],
    "crash": ["##########", "##-######"],
    "trauma": ["T#####", "TR-##-####"],
    "placard": ["#######", "P######", "DP-#####"],
    "registry": ["IIS########", "########"],
    "interp_id": ["#####", "#######"],
    "badge": ["####", "#####", "B####"],
    "docid": ["########", "D#######"],
}
CACHED_IDS = {"mrn", "acct", "csn", "ssn", "member", "group", "mbi", "dl"}
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
DATE_FULL = ["mdY", "mdY0", "mdy", "mdY-", "MdY", "bdY", "dbY", "dBY", "dMY", "iso", "mdY.", "cmp"]
DATE_MAIN = ["mdY", "mdY", "mdY0", "mdy", "MdY", "bdY", "dbY", "iso", "dMY", "mdY-"]
MISSPELL = {
    "patient": "pateint",
    "the": "teh",
    "with": "wiht",
    "history": "hsitory",
    "and": "adn",
    "received": "recieved",
    "discharge": "dischrage",
    "follow": "folow",
    "pressure": "presure",
    "since": "sicne",
    "about": "abuot",
    "started": "strated",
}
STOP_TOK = set(
    "de la del los las van der den ter von da dos das di lo le du al el bin st saint mc mac new north "
    "south east west san santa city county mount port fort lake grand the of and jr republic".split()
)


def split(seq, fold):
    """The fixed fold rule: even index -> train, odd index -> dev."""
    return list(seq[0::2]) if fold == "train" else list(seq[1::2])


def ascii_fold(s):
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode("ascii")


def tokens(v):
    return [t for t in re.split(r"[^a-z0-9']+", ascii_fold(v).lower()) if len(t) > 2 and t not in STOP_TOK]


WG_GENDER = {w.split(":")[0]: w.split(":")[1] for w in WORD_GIVEN}
WORD_NAME_SET = {w.lower() for w in list(WG_GENDER) + WORD_SURNAMES + EPONYM_SURNAMES}


def _proper_lists(fold):
    d = {}
    for o, (_, m, f, s) in ORIGINS.items():
        d["m:" + o], d["f:" + o], d["s:" + o] = split(m, fold), split(f, fold), split(s, fold)
    d["wg"] = split(list(WG_GENDER), fold)
    for k, lst in (
        ("ws", WORD_SURNAMES),
        ("eps", EPONYM_SURNAMES),
        ("towns", TOWNS),
        ("wtowns", WORD_TOWNS),
        ("counties", COUNTIES),
        ("countries", COUNTRIES),
        ("streets", STREETS),
        ("saints", SAINTS),
        ("virtues", VIRTUES),
        ("regions", REGIONS),
    ):
        d[k] = split(lst, fold)
    return d


class Fold:
    """All value lists and fragment pools of one fold."""

    def __init__(self, fold):
        self.fold = fold
        d = _proper_lists(fold)
        if fold == "dev":  # drop dev values sharing a token with any train value
            train_tok = {t for lst in _proper_lists("train").values() for v in lst for t in tokens(v)}
            for lst in list(ORG_PATTERNS.values()) + [PHARM_CHAINS, MAIL_PHARM, EMPLOYER_CHAINS, DME]:
                train_tok |= {t for v in split(lst, "train") for t in tokens(re.sub(r"\{\w+\}", "", v))}
            d = {k: [v for v in lst if not set(tokens(v)) & train_tok] for k, lst in d.items()}
        self.d = d
        self.origins = [o for o in ORIGINS if d["m:" + o] and d["f:" + o] and d["s:" + o]]
        self.oweights = [ORIGINS[o][0] for o in self.origins]
        self.wg = {
            "M": [w for w in d["wg"] if WG_GENDER[w] in ("m", "u")],
            "F": [w for w in d["wg"] if WG_GENDER[w] in ("f", "u")],
        }
        self.all_surnames = [s for o in self.origins for s in d["s:" + o]] + d["ws"]
        self.towns = d["towns"] + d["wtowns"]
        self.nick = split(NICKNAMES, fold)
        self.pharm_chains, self.mail = split(PHARM_CHAINS, fold), split(MAIL_PHARM, fold)
        self.emp_chains, self.dme = split(EMPLOYER_CHAINS, fold), split(DME, fold)
        self.patterns = {k: split(v, fold) for k, v in ORG_PATTERNS.items()}
        self.med = {k: split(v, fold) for k, v in MED.items()}
        self.drugs, self.dx, self.dx_peds = split(DRUGS, fold), split(DX, fold), split(DX_PEDS, fold)
        self.dx_onc, self.procs = split(DX_ONC, fold), split(PROCS, fold)
        self.imgtype, self.imgfind, self.cars = split(IMGTYPE, fold), split(IMGFIND, fold), split(CARS, fold)
        self.cc = {k: split(v, fold) for k, v in CC.items()}
        self.pools = {k: split(v, fold) for k, v in POOLS.items()}
        self.titles = {k: split(v, fold) for k, v in TITLES.items()}
        self.labels = {k: split(v, fold) for k, v in LABELS.items()}
        for k, v in self.pools.items():
            assert len(v) >= 8, (fold, k, len(v))
        for k, v in list(d.items()) + list(self.med.items()) + list(self.patterns.items()):
            assert v, (fold, k)


# ----------------------------------------------------------------------------------------------------------------
# Template parsing
# ----------------------------------------------------------------------------------------------------------------
_PARSED = {}


def parse(tpl):
    """-> node list; node = str | ('slot', key) | ('alt', [nodes, ...]) | ('opt', nodes)."""
    if tpl in _PARSED:
        return _PARSED[tpl]

    def seq(i, inner):
        out, buf = [], []
        while i < len(tpl):
            c = tpl[i]
            if c == "{":
                j = tpl.index("}", i)
                if buf:
                    out.append("".join(buf))
                    buf = []
                out.append(("slot", tpl[i + 1 : j]))
                i = j + 1
            elif c == "[":
                if buf:
                    out.append("".join(buf))
                    buf = []
                if tpl.startswith("[?", i):
                    sub, i = seq(i + 2, True)
                    assert tpl[i] == "]", tpl
                    out.append(("opt", sub))
                    i += 1
                else:
                    alts, i = [], i + 1
                    while True:
                        sub, i = seq(i, True)
                        alts.append(sub)
                        if tpl[i] == "|":
                            i += 1
                            continue
                        assert tpl[i] == "]", tpl
                        i += 1
                        break
                    out.append(("alt", alts))
            elif inner and c in "|]":
                break
            else:
                buf.append(c)
                i += 1
        if buf:
            out.append("".join(buf))
        return out, i

    nodes, end = seq(0, False)
    assert end == len(tpl), tpl
    _PARSED[tpl] = nodes
    return nodes


class Person:
    def __init__(self, given, middle, surname, suffix, gender, origin):
        self.given, self.middle, self.surname, self.suffix = given, middle, surname, suffix
        self.gender, self.origin = gender, origin
        self.nick = self.former = None
        self.cred = self.kin = self.title = ""
        self.age, self.months, self.role = 40, None, ""
        self.cache = {}


class Place:
    def __init__(self, name, town, state):
        self.name, self.town, self.state = name, town, state
        self.cache = {}


P_WORD_GIVEN, P_WORD_SUR, P_EPONYM_SUR = 0.22, 0.22, 0.05


class Doc:
    """One document being generated: its cast, places, dates, style and random stream."""

    def __init__(self, F, rng, kind):
        self.F, self.rng, self.kind = F, rng, kind
        self.people, self.places, self.cache, self.used = {}, {}, {}, {}
        self.names_used, self.place_names, self.med_used = set(), set(), set()
        self.alias = dict(ALIASES.get(kind, {}))
        self.alias.setdefault("rcp", "ref")
        self.alias.setdefault("rcpo", "clinic2")
        r = rng
        self.st = {
            "head": r.choice(["CAPS:", "Title:", "CAPS", "ul", "star", "dash", "sent", "CAPS:", "Title:"]),
            "inline": r.random() < 0.4,
            "lfcaps": r.random() < 0.6,
            "dfmt": r.choice(DATE_MAIN),
            "bullet": r.choice(["- ", "* ", "\u2022 ", "o ", "> ", "-- "]),
            "num": r.choice(["{}.", "{})", "#{}", "({})"]),
            "dictated": r.random() < 0.22,
            "caps": r.random() < 0.05,
            "sep": "\n\n" if r.random() < 0.7 else "\n",
        }
        self.state = r.choice(STATES)
        self.today = dt.date(2021, 1, 1) + dt.timedelta(days=r.randint(0, 1915))
        back = r.randint(2, 12) if kind in ("discharge", "transfer", "meeting") else r.randint(0, 2)
        self.adm = self.today - dt.timedelta(days=back)
        self.counter = 0
        self.ccat = {"peds": "peds", "ob": "ob", "psych": "psych", "tumor": "onc"}.get(kind, "adult")
        self.make_patient()

    # -------------------------------------------------------------- people
    def pick_surname(self, o, g="M"):
        r, d = self.rng, self.F.d
        x = r.random()
        if x < P_WORD_SUR:
            return r.choice(d["ws"])
        if x < P_WORD_SUR + P_EPONYM_SUR:
            return r.choice(d["eps"])
        lst = d["s:" + o]
        s = r.choice(lst)
        if o == "hisp" and r.random() < 0.5:
            s2 = r.choice(lst)
            if s2 != s:
                s = f"{s} {s2}" if r.random() < 0.75 else f"{s}-{s2}"
        elif r.random() < 0.04:
            s = s + "-" + r.choice(self.F.all_surnames)
        if o == "slav" and g == "F":
            for a, b in (("ski", "ska"), ("cki", "cka"), ("ov", "ova"), ("ev", "eva"), ("in", "ina")):
                if s.endswith(a):
                    s = s[: -len(a)] + b
                    break
        return s

    def new_person(self, g, origin=None, surname=None):
        F, r = self.F, self.rng
        for _ in range(30):
            o = origin if origin and r.random() < 0.8 else r.choices(F.origins, F.oweights)[0]
            glist = F.d[("m:" if g == "M" else "f:") + o]
            given = r.choice(F.wg[g]) if r.random() < P_WORD_GIVEN else r.choice(glist)
            sur = surname or self.pick_surname(o, g)
            middle = None
            if o == "viet":
                middle = ("Thi" if g == "F" else "Van") if r.random() < 0.7 else None
            elif o not in ("hisp", "chin", "kor", "jap", "nat", "paci") and r.random() < 0.45:
                middle = r.choice(glist) if r.random() < 0.6 else r.choice("ABCDEFGHJKLMNPRSTW")
            suffix = ""
            if g == "M" and o in ("us", "irish", "ital", "germ", "fren", "hait") and r.random() < 0.07:
                suffix = r.choice(SUFFIXES)
            if o in ("hisp", "port", "turk", "slav") and r.random() < 0.35:
                given, sur = ascii_fold(given), ascii_fold(sur)
            if (given, sur) not in self.names_used and given != sur:
                break
        self.names_used.add((given, sur))
        return Person(given, middle, sur, suffix, g, o)

    def make_patient(self):
        r, k = self.rng, self.kind
        g = "F" if k == "ob" else r.choice("MF")
        p = self.new_person(g)
        if k == "peds":
            p.months = r.randint(3, 210)
            p.age = p.months // 12
            days = int(p.months * 30.4) + r.randint(0, 25)
        else:
            if k == "ob":
                p.age = r.randint(17, 44)
            elif r.random() < (0.35 if k == "meeting" else 0.16):
                p.age = r.randint(90, 104)
            else:
                p.age = r.randint({"psych": 16, "meeting": 45, "tumor": 35}.get(k, 19), 89)
            days = int(p.age * 365.25) + r.randint(5, 355)
        if g == "F" and p.age >= 25 and r.random() < 0.4:
            p.former = self.pick_surname(p.origin, g)
        if r.random() < 0.25:
            p.nick = r.choice(self.F.nick)
        p.role = "pt"
        self.people["pt"] = p
        self.dob = self.today - dt.timedelta(days=days)

    def person(self, role):
        role = self.alias.get(role, role)
        if role in self.people:
            return self.people[role]
        r, pt = self.rng, self.people["pt"]
        g = FORCED_GENDER.get(role) or r.choice("MF")
        if role == "sp" and (r.random() < 0.85 or self.kind == "ob"):
            g = "F" if pt.gender == "M" else "M"
        fam = role in FAMILY
        share = {
            "sp": 0.45,
            "ch1": 0.55,
            "ch2": 0.5,
            "ch3": 0.45,
            "sib": 0.55,
            "sib2": 0.7,
            "gchild": 0.5,
            "elder": 0.4,
            "dad": 0.85,
            "mom": 0.6,
            "gparent": 0.4,
            "aunt": 0.3,
            "stepdad": 0.0,
        }
        surname = pt.surname if fam and r.random() < share.get(role, 0) else None
        if role == "baby":
            surname = self.person("sp").surname if r.random() < 0.6 else pt.surname
        p = self.new_person(g, pt.origin if fam else None, surname)
        p.role = role
        if role in CLIN and CLIN[role]:
            p.cred = r.choice(CLIN[role].split("|"))
        if role in OTHER and OTHER[role]:
            opts = OTHER[role].split("|")
            if role == "clergy" and g == "F":
                opts = ["Rev.", "Pastor", "Rabbi", "Sister"]
            p.title = r.choice(opts)
        if fam:
            p.kin = r.choice(FAMILY[role][0 if g == "M" else 1].split("|"))
            if r.random() < 0.07:
                p.nick = r.choice(self.F.nick)
        p.age = {
            "elder": r.randint(86, 104),
            "sp": max(18, pt.age + r.randint(-6, 6)),
            "baby": 0,
            "gparent": r.randint(55, 80),
        }.get(role, r.randint(22, 78))
        self.people[role] = p
        return p

    # -------------------------------------------------------------- name forms
    def name_full(self, p, allow_nick=True):
        r = self.rng
        x = r.random()
        if p.nick and allow_nick and x < 0.12:
            core = f'{p.given} "{p.nick}" {p.surname}'
        elif p.middle and x < 0.3:
            core = f"{p.given} {p.middle[0]}. {p.surname}"
        elif p.middle and x < 0.38 and len(p.middle) > 1:
            core = f"{p.given} {p.middle} {p.surname}"
        else:
            core = f"{p.given} {p.surname}"
        if p.suffix:
            core += r.choice([" ", ", "]) + p.suffix
        return core

    def name_LF(self, p, sur=None):
        sur = (sur or p.surname) + (f" {p.suffix}" if p.suffix else "")
        mid = f" {p.middle[0]}" if p.middle and self.rng.random() < 0.7 else ""
        if self.st["lfcaps"]:
            return f"{sur}, {p.given}{mid}".upper()
        return f"{sur}, {p.given}{mid + '.' if mid else ''}"

    def initials(self, p):
        if "init" not in p.cache:
            parts = [p.given] + ([p.middle] if p.middle and self.rng.random() < 0.35 else [])
            parts += [t for t in re.split(r"[\s-]+", p.surname) if t and t.lower() not in STOP_TOK][:2]
            p.cache["init"] = "".join(ascii_fold(x)[:1] for x in parts).upper()
        return p.cache["init"]

    def username(self, p):
        if "user" not in p.cache:
            r = self.rng
            g = re.sub(r"[^a-z]", "", ascii_fold(p.given).lower()) or "x"
            s = re.sub(r"[^a-z]", "", ascii_fold(p.surname).lower()) or "y"
            p.cache["user"] = r.choice(
                [
                    g[0] + s,
                    f"{g}.{s}",
                    s + g[0],
                    f"{g[0]}{s}{r.randint(1, 99)}",
                    g + s[0],
                    f"{g}_{s}",
                    s[:6] + g[:2],
                    f"{g}.{s}{r.randint(1, 9)}",
                ]
            )
        return p.cache["user"]

    def typo(self, p):
        if "typo" not in p.cache:
            s, r = p.surname, self.rng
            t = s + s[-1]
            for _ in range(12):
                i = r.randint(1, max(1, len(s) - 2))
                op = r.random()
                if op < 0.4 and i + 1 < len(s):
                    c = s[:i] + s[i + 1] + s[i] + s[i + 2 :]
                elif op < 0.7:
                    c = s[:i] + s[i + 1 :]
                else:
                    c = s[:i] + s[i] + s[i:]
                if c != s and c == c.strip() and "  " not in c and c[-1].isalpha():
                    t = c
                    break
            p.cache["typo"] = t
        return p.cache["typo"]

    def email(self, p):
        if "email" not in p.cache:
            r = self.rng
            g = re.sub(r"[^a-z]", "", ascii_fold(p.given).lower()) or "pt"
            s = re.sub(r"[^a-z]", "", ascii_fold(p.surname).lower()) or "mail"
            if p.role in CLIN:
                p.cache["email"] = f"{r.choice([g + '.' + s, g[0] + s, s + '.' + g])}@{self.domain(self.place('hosp'))}"
            else:
                local = r.choice(
                    [
                        f"{g}.{s}",
                        f"{g}{s}{r.randint(1, 99)}",
                        f"{g[0]}{s}",
                        f"{s}{g[0]}{r.randint(60, 99)}",
                        f"{g}_{s[:4]}",
                        f"{g}{r.randint(1950, 2010)}",
                    ]
                )
                p.cache["email"] = f"{local}@{r.choice(PERSONAL_DOMAINS)}"
        return p.cache["email"]

    def person_attr(self, role, attr):
        p = self.person(role)
        r = self.rng
        N = lambda t: [(t, "NAME")]
        he = {
            "he": "he" if p.gender == "M" else "she",
            "his": "his" if p.gender == "M" else "her",
            "him": "him" if p.gender == "M" else "her",
        }
        if attr == "":
            return N(self.name_full(p))
        if attr in ("first", "last", "nick"):
            return N({"first": p.given, "last": p.surname, "nick": p.nick or p.given}[attr])
        if attr == "LF":
            return N(self.name_LF(p))
        if attr == "Lf":
            return N(f"{p.surname}, {p.given[0]}.")
        if attr == "fl":
            return N(f"{p.given[0]}. {p.surname}")
        if attr == "dr":
            return [("Dr. ", None)] + N(self.name_full(p, False) if r.random() < 0.6 else p.surname)
        if attr == "drl":
            return [("Dr. ", None)] + N(p.surname)
        if attr == "c":
            name = self.name_full(p, False) if r.random() < 0.8 else f"{p.given[0]}. {p.surname}"
            return N(name) + ([(r.choice([", ", " "]) + p.cred, None)] if p.cred else [])
        if attr == "cred":
            return [(p.cred, None)]
        if attr in ("init", "initl"):
            i = self.initials(p)
            return N(i.lower() if attr == "initl" else i)
        if attr == "user":
            return N(self.username(p))
        if attr == "email":
            return [(self.email(p), "EMAIL")]
        if attr in ("phone", "cell", "fax", "pager"):
            return [(self.person_phone(p, attr), "PHONE")]
        if attr == "addr":
            return [(p.cache.setdefault("addr", self.gen_addr()), "ADDRESS")]
        if attr == "town":
            if p.role == "pt":
                return self.place_attr("town", "")
            return [(p.cache.setdefault("town", self.rand_town()), "LOCATION")]
        if attr == "state":
            return [(self.state[0] if r.random() < 0.8 else self.state[1], None)]
        if attr == "zip":
            return [(p.cache.setdefault("zip", self.gen_zip()), "ZIP")]
        if attr == "kin":
            return [(p.kin or "relative", None)]
        if attr in ("he", "his", "him"):
            return [(he[attr], None)]
        if attr in ("He", "His"):
            return [(he[attr.lower()].capitalize(), None)]
        if attr == "age":
            return [(str(p.age), "AGE" if p.age >= 90 else None)]
        if attr in ("mr", "t"):
            if p.role == "pt" and self.kind == "peds":
                return N(p.given)
            if attr == "t" and p.title:
                title = p.title
            elif p.role in DOCTORS:
                title = "Dr."
            else:
                title = "Mr." if p.gender == "M" else r.choice(["Ms.", "Mrs.", "Ms.", "Miss"])
                p.cache.setdefault("title", title)
                title = p.cache["title"]
            return [(title + " ", None)] + N(p.surname)
        if attr == "nickfull":
            return N(f'{p.given} "{p.nick}" {p.surname}' if p.nick else self.name_full(p))
        if attr == "aka":
            if p.former:
                return N(
                    r.choice([f"{p.given} {p.former}", self.name_LF(p, p.former), f"{p.surname}-{p.former}, {p.given}"])
                )
            return N(f"{p.nick} {p.surname}" if p.nick else f"{p.given} {self.typo(p)}")
        if attr == "typo":
            return N(f"{p.given} {self.typo(p)}")
        if attr == "typoLF":
            return N(self.name_LF(p, self.typo(p)))
        if attr == "ref":
            x = r.random()
            if self.kind == "peds":
                return N(p.given) if x < 0.6 else [(r.choice(["the patient", "the child"]), None)]
            if x < 0.45:
                return self.person_attr(role, "mr")
            if x < 0.55:
                return N(p.given)
            if x < 0.65:
                return N(self.name_full(p))
            return [("the patient", None)]
        raise KeyError(f"{role}.{attr}")

    # -------------------------------------------------------------- places
    def rand_town(self):
        r = self.rng
        for _ in range(40):
            t = r.choice(self.F.towns)
            if t not in self.place_names:
                break
        self.place_names.add(t)
        return t

    def fill(self, pat, town, kind):
        F, r = self.F, self.rng
        chains = F.pharm_chains if kind == "pharm" else F.emp_chains
        rep = {
            "T": lambda: town,
            "S": lambda: r.choice(F.all_surnames),
            "S2": lambda: r.choice(F.all_surnames),
            "SA": lambda: r.choice(F.d["saints"]),
            "V": lambda: r.choice(F.d["virtues"]),
            "R": lambda: r.choice(F.d["regions"]),
            "C": lambda: r.choice(F.d["counties"]),
            "N": lambda: str(r.randint(100, 9999)),
            "CH": lambda: r.choice(chains),
        }
        return re.sub(r"\{(\w+)\}", lambda m: rep[m.group(1)](), pat)

    def place(self, key):
        key = self.alias.get(key, key)
        if key in self.places:
            return self.places[key]
        kind, r, F = PLACE_KIND[key], self.rng, self.F
        if kind == "town":
            pl = Place(self.rand_town(), None, self.state)
            pl.town = pl.name
        else:
            town = self.place("town").name if key != "town" and r.random() < 0.55 else self.rand_town()
            for _ in range(40):
                if kind == "county":
                    name = r.choice(F.d["counties"]) + r.choice([" County", " County", " Co."])
                elif kind == "country":
                    name = r.choice(F.d["countries"])
                elif kind == "mailpharm":
                    name = r.choice(F.mail)
                elif kind == "dme":
                    name = r.choice(F.dme) if r.random() < 0.6 else f"{town} Medical Supply"
                else:
                    name = self.fill(r.choice(F.patterns[kind]), town, kind)
                if name not in self.place_names:
                    break
            self.place_names.add(name)
            pl = Place(name, town, self.state)
        self.places[key] = pl
        return pl

    def domain(self, pl):
        if "dom" not in pl.cache:
            words = [
                w for w in re.findall(r"[a-z]+", ascii_fold(pl.name).lower()) if w not in ("the", "of", "and", "at")
            ]
            base = "".join(words[:2]) if len("".join(words[:2])) < 18 else words[0]
            pl.cache["dom"] = base + self.rng.choice(
                ["health.org", ".org", "med.org", ".com", "care.org", "clinic.com"]
            )
        return pl.cache["dom"]

    def place_attr(self, key, attr):
        pl, r = self.place(key), self.rng
        c = pl.cache
        if attr == "":
            return [(pl.name, "LOCATION")]
        if attr == "town":
            return [(pl.town, "LOCATION")]
        if attr == "state":
            return [(pl.state[0] if r.random() < 0.8 else pl.state[1], None)]
        if attr == "addr":
            return [(c.setdefault("addr", self.gen_addr(org=True)), "ADDRESS")]
        if attr == "pobox":
            return [
                (c.setdefault("pobox", f"{r.choice(['PO Box', 'P.O. Box', 'POB'])} {r.randint(10, 9999)}"), "ADDRESS")
            ]
        if attr == "zip":
            return [(c.setdefault("zip", self.gen_zip()), "ZIP")]
        if attr in ("phone", "fax"):
            return [(c.setdefault(attr, self.gen_phone()), "PHONE")]
        if attr == "url":
            d = self.domain(pl)
            return [
                (
                    c.setdefault(
                        "url",
                        r.choice(
                            [
                                f"www.{d}",
                                f"https://www.{d}/patients",
                                f"https://mychart.{d}",
                                f"{d}/portal",
                                f"http://{d}/refer",
                            ]
                        ),
                    ),
                    "URL",
                )
            ]
        if attr == "email":
            return [
                (
                    c.setdefault(
                        "email", f"{r.choice(['referrals', 'info', 'frontdesk', 'records', 'him'])}@{self.domain(pl)}"
                    ),
                    "EMAIL",
                )
            ]
        raise KeyError(f"{key}.{attr}")

    # -------------------------------------------------------------- generated values
    def pat(self, p):
        r = self.rng
        out = []
        for i, ch in enumerate(p):
            if ch == "#":
                out.append(str(r.randint(1 if i == 0 else 0, 9)))
            elif ch == "@":
                out.append(r.choice("ABCDEFGHJKLMNPRTUVWXY"))
            else:
                out.append(ch)
        return "".join(out)

    def gen_phone(self, kind="std"):
        r = self.rng
        a = f"{r.randint(2, 9)}{r.randint(0, 8)}{r.randint(0, 9)}"
        if a[1:] == "11":
            a = a[0] + "20"
        e, n = f"{r.randint(2, 9)}{r.randint(0, 9)}{r.randint(0, 9)}", f"{r.randint(0, 9999):04d}"
        if kind == "toll":
            a = r.choice(["800", "888", "877", "866", "855"])
            return r.choice([f"1-{a}-{e}-{n}", f"({a}) {e}-{n}", f"{a}.{e}.{n}", f"{a}-{e}-{n}"])
        return r.choice(
            [
                f"({a}) {e}-{n}",
                f"{a}-{e}-{n}",
                f"{a}.{e}.{n}",
                f"{a} {e} {n}",
                f"+1 {a}-{e}-{n}",
                f"1-{a}-{e}-{n}",
                f"({a}){e}-{n}",
                f"{a}-{e}-{n}",
            ]
        )

    def person_phone(self, p, attr):
        key = "cell" if attr == "cell" and p.role == "pt" else attr
        if key == "pager" and "pager" not in p.cache and self.rng.random() < 0.5:
            p.cache["pager"] = str(self.rng.randint(10000, 99999))
        if key == "phone" and "cell" in p.cache and p.role != "pt":
            return p.cache["cell"]
        return p.cache.setdefault(key, self.gen_phone())

    def gen_zip(self):
        z = f"{self.rng.randint(1001, 99950):05d}"
        return z + f"-{self.rng.randint(1, 9999):04d}" if self.rng.random() < 0.2 else z

    def gen_addr(self, org=False):
        r = self.rng
        x = r.random()
        if not org and x < 0.06:
            return f"{r.choice(['PO Box', 'P.O. Box'])} {r.randint(10, 9999)}"
        if not org and x < 0.1:
            return r.choice(
                [
                    f"Rural Route {r.randint(1, 9)} Box {r.randint(1, 99)}",
                    f"{r.randint(100, 9999)} County Road {r.randint(1, 400)}",
                ]
            )
        a = f"{r.randint(1, 19999)} {r.choice(self.F.d['streets'])} {r.choice(STREET_SUFFIX)}"
        if org and r.random() < 0.35:
            a += r.choice(
                [
                    f", Suite {r.randint(100, 999)}",
                    f" Suite {r.randint(1, 40)}{r.choice('ABC')}",
                    f", Bldg {r.randint(1, 9)}",
                ]
            )
        elif not org and r.random() < 0.3:
            a += r.choice(
                [
                    f" Apt {r.randint(1, 40)}{r.choice('ABCDEF')}",
                    f" Apt. {r.randint(1, 999)}",
                    f" Unit {r.randint(1, 60)}",
                    f" #{r.randint(100, 999)}",
                    f" Bldg {r.randint(1, 9)} Apt {r.randint(100, 499)}",
                    f" Lot {r.randint(1, 90)}",
                ]
            )
        return a

    def med_term(self, cat):
        opts = [t for t in self.F.med[cat] if t not in self.med_used] or self.F.med[cat]
        t = self.rng.choice(opts)
        self.med_used.add(t)
        return t

    # -------------------------------------------------------------- dates
    def fmt_date(self, d, f=None):
        r = self.rng
        f = f or (self.st["dfmt"] if r.random() < 0.75 else r.choice(DATE_FULL))
        m, y, dd, M = d.month, d.year, d.day, MONTHS[d.month - 1]
        return {
            "mdY": f"{m:02d}/{dd:02d}/{y}",
            "mdY0": f"{m}/{dd}/{y}",
            "mdy": f"{m}/{dd}/{y % 100:02d}",
            "mdY-": f"{m:02d}-{dd:02d}-{y}",
            "MdY": f"{M} {dd}, {y}",
            "bdY": f"{M[:3]} {dd}, {y}",
            "dbY": f"{dd:02d}-{M[:3]}-{y}",
            "dBY": f"{dd:02d}-{M[:3].upper()}-{y}",
            "dMY": f"{dd} {M} {y}",
            "iso": f"{y}-{m:02d}-{dd:02d}",
            "mdY.": f"{m:02d}.{dd:02d}.{y}",
            "cmp": f"{y}{m:02d}{dd:02d}",
            "md": f"{m}/{dd}",
            "Md": f"{M} {dd}",
            "bd": f"{M[:3]} {dd}",
        }[f]

    def dseg(self, d, short=True):
        f = self.rng.choice(["md", "Md", "bd"]) if short and self.rng.random() < 0.12 else None
        return [(self.fmt_date(d, f), "DATE")]

    def near(self, lo, hi):
        return self.today + dt.timedelta(days=self.rng.randint(lo, hi))

    def s_today(self):
        return self.dseg(self.today, False)

    def s_adm(self):
        return self.dseg(self.adm, False)

    def s_dc(self):
        return self.dseg(self.today, False)

    def s_dob(self):
        return [(self.fmt_date(self.dob, None if self.rng.random() < 0.8 else "mdY"), "DATE")]

    def s_date(self):
        return self.dseg(self.adm + dt.timedelta(days=self.rng.randint(0, (self.today - self.adm).days + 1)))

    def s_pdate(self):
        return self.dseg(self.near(-2500, -40), False)

    def s_fdate(self):
        return self.dseg(self.near(5, 120))

    def s_mdate(self):
        d, r = self.near(-1500, -30), self.rng
        M = MONTHS[d.month - 1]
        return [
            (r.choice([f"{M} {d.year}", f"{d.month:02d}/{d.year}", f"{M[:3]} {d.year}", f"{d.month}/{d.year}"]), "DATE")
        ]

    def s_wdate(self):
        d, r = self.near(-12, 20), self.rng
        wd, M = WEEKDAYS[d.weekday()], MONTHS[d.month - 1]
        return [
            (
                r.choice(
                    [
                        f"{wd} {d.month}/{d.day}",
                        f"{wd}, {M} {d.day}",
                        f"{wd[:3]} {d.month}/{d.day}/{d.year % 100:02d}",
                        f"{wd}, {d.month:02d}/{d.day:02d}/{d.year}",
                        f"{wd[:3]}, {M[:3]} {d.day}",
                        f"{wd} {self.fmt_date(d)}",
                    ]
                ),
                "DATE",
            )
        ]

    def s_nth(self):
        d = self.near(1, 25).day
        suf = "th" if 10 <= d % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
        return [(f"{d}{suf}", "DATE")]

    def s_yr(self):
        lo = max(1965, self.dob.year + (1 if self.kind == "peds" else 16))
        return [(str(self.rng.randint(min(lo, self.today.year - 1), self.today.year - 1)), None)]

    def s_time(self):
        r = self.rng
        h, m = r.randint(0, 23), r.choice([0, 5, 10, 12, 15, 20, 25, 30, 35, 40, 45, 48, 50, 55])
        h12 = h % 12 or 12
        return [
            (
                r.choice(
                    [
                        f"{h:02d}:{m:02d}",
                        f"{h12}:{m:02d} {'PM' if h >= 12 else 'AM'}",
                        f"{h:02d}{m:02d}",
                        f"{h12}:{m:02d} {'pm' if h >= 12 else 'am'}",
                        f"{h:02d}{m:02d}h",
                    ]
                ),
                None,
            )
        ]

    # -------------------------------------------------------------- patient shortcuts and plain fillers
    def s_age(self):
        p = self.people["pt"]
        if p.months is not None and p.months < 24:
            return [(f"{p.months} mo", None)]
        return [(str(p.age), "AGE" if p.age >= 90 else None)]

    def s_agephrase(self):
        p = self.people["pt"]
        if p.months is not None and p.months < 24:
            return [(f"{p.months}-month-old", None)]
        return [(str(p.age), "AGE" if p.age >= 90 else None), ("-year-old", None)]

    def s_sexw(self):
        p, r = self.people["pt"], self.rng
        if self.kind == "peds":
            w = "boy" if p.gender == "M" else "girl"
        else:
            w = r.choice(["man", "male", "gentleman"] if p.gender == "M" else ["woman", "female", "lady"])
        return [(w, None)]

    def s_Sex(self):
        return [("Male" if self.people["pt"].gender == "M" else "Female", None)]

    def s_sexF(self):
        return [(self.people["pt"].gender, None)]

    def cached(self, key, fn):
        if key not in self.cache:
            self.cache[key] = fn()
        return self.cache[key]

    def s_cc(self):
        return [(self.cached("cc", lambda: self.rng.choice(self.F.cc[self.ccat])), None)]

    def s_dx_onc(self):
        return [(self.cached("dxo", lambda: self.rng.choice(self.F.dx_onc)), None)]

    def dx(self, n):
        if "dx" not in self.cache:
            self.cache["dx"] = self.rng.sample(self.F.dx_peds if self.kind == "peds" else self.F.dx, 3)
        return [(self.cache["dx"][n], None)]

    def s_dx1(self):
        return self.dx(0)

    def s_dx2(self):
        return self.dx(1)

    def s_dx3(self):
        return self.dx(2)

    def s_drug(self):
        return [(self.rng.choice(self.F.drugs).split("/")[0], None)]

    s_drug2 = s_drug

    def s_proc(self):
        return [(self.cached("proc", lambda: self.rng.choice(self.F.procs)), None)]

    def s_imgtype(self):
        return [(self.rng.choice(self.F.imgtype), None)]

    def s_imgfind(self):
        return [(self.rng.choice(self.F.imgfind), None)]

    def s_car(self):
        return [(self.cached("car", lambda: self.rng.choice(self.F.cars)), None)]

    def s_unitw(self):
        return [(self.rng.choice(UNIT_WORDS), None)]

    def s_room(self):
        r = self.rng
        return [
            (
                r.choice(
                    [
                        f"Rm {r.randint(100, 999)}",
                        f"room {r.randint(1000, 8999)}",
                        f"bed {r.randint(1, 40)}{r.choice('AB')}",
                        f"Rm {r.randint(2, 9)}-{r.randint(100, 399)}",
                    ]
                ),
                None,
            )
        ]

    def s_N(self):
        self.counter += 1
        return [(self.st["num"].format(self.counter), None)]

    def s_B(self):
        return [(self.st["bullet"], None)]

    def s_vitals(self):
        r = self.rng
        bp, hr, rr, sp = (
            f"{r.randint(96, 178)}/{r.randint(52, 98)}",
            r.randint(56, 118),
            r.randint(12, 24),
            r.randint(88, 100),
        )
        t = r.choice(
            [f"{r.uniform(36.2, 38.9):.1f} C", f"{r.uniform(97.0, 101.8):.1f} F", f"{r.uniform(36.2, 38.9):.1f}"]
        )
        o2 = r.choice(["RA", "room air", "2 L NC", "4 L"])
        return [
            (
                r.choice(
                    [
                        f"BP {bp}, HR {hr}, RR {rr}, T {t}, SpO2 {sp}% on {o2}",
                        f"T {t} | BP {bp} | P {hr} | R {rr} | O2 sat {sp}% {o2}",
                        f"BP {bp}  HR {hr}  RR {rr}  Temp {t}  SpO2 {sp}%",
                        f"{t}, {bp}, {hr}, {rr}, {sp}% {o2}",
                    ]
                ),
                None,
            )
        ]

    def s_labs(self):
        r = self.rng
        items = [
            f"Na {r.randint(128, 146)}",
            f"K {r.uniform(3.1, 5.6):.1f}",
            f"Cr {r.uniform(0.6, 3.2):.2f}",
            f"BUN {r.randint(8, 60)}",
            f"Glu {r.randint(70, 320)}",
            f"WBC {r.uniform(3.5, 18):.1f}",
            f"Hgb {r.uniform(7.5, 15.5):.1f}",
            f"Plt {r.randint(90, 420)}",
            f"INR {r.uniform(0.9, 3.1):.1f}",
        ]
        return [(r.choice([", ", "; ", " / "]).join(r.sample(items, r.randint(4, 7))), None)]

    def s_medlist(self):
        r, F = self.rng, self.F
        style = r.choice(["bullet", "num", "align", "inline", "bullet"])
        lines = []
        for i, ds in enumerate(r.sample(F.drugs, r.randint(3, 6))):
            name, doses = ds.split("/")
            dose, fq = r.choice(doses.split(",")), r.choice(FREQS)
            line = f"{name:<24}{dose:<12}{fq}" if style == "align" else f"{name} {dose} {fq}"
            lines.append(
                self.st["bullet"] + line
                if style == "bullet"
                else self.st["num"].format(i + 1) + " " + line
                if style == "num"
                else line
            )
        return [(("; " if style == "inline" else "\n").join(lines), None)]

    def table(self, header, rows, style):
        """rows: lists of segments per cell; style pipe / tab / align."""
        sep = {"pipe": " | ", "tab": "\t", "align": "  "}[style]
        out = [(sep.join(header) if style != "align" else "".join(h.ljust(24) for h in header).rstrip(), None)]
        for cells in rows:
            out.append(("\n", None))
            for j, cell in enumerate(cells):
                out.extend(cell)
                if j < len(cells) - 1:
                    w = sum(len(t) for t, _ in cell)
                    out.append((" " * max(2, 24 - w) if style == "align" else sep, None))
        return out

    def s_careteam(self):
        r = self.rng
        rows = []
        for lab, role, how in [
            ("Attending", "att", "pager"),
            ("Resident", "res", "pager"),
            ("Primary RN", "rn", "phone"),
            ("Case manager", "cm", "phone"),
            ("Social work", "sw", "phone"),
        ][: r.randint(3, 5)]:
            p = self.person(role)
            nm = self.name_LF(p) if r.random() < 0.4 else self.name_full(p, False)
            rows.append([[(lab, None)], [(nm, "NAME")], [(self.person_phone(p, how), "PHONE")]])
        return self.table(["Role", "Name", "Contact"], rows, r.choice(["pipe", "tab", "align"]))

    def s_medtable(self):
        r = self.rng
        rows = []
        for ds in r.sample(self.F.drugs, r.randint(3, 5)):
            name, doses = ds.split("/")
            p = self.person(r.choice(["pcp", "cons", "att"]))
            rows.append(
                [
                    [(name, None)],
                    [(f"{r.choice(doses.split(','))} {r.choice(FREQS)}", None)],
                    [("Dr. ", None), (p.surname, "NAME")],
                ]
            )
        return self.table(["Medication", "Dose", "Prescriber"], rows, r.choice(["pipe", "tab", "align"]))

    def s_tollfree(self):
        return [(self.gen_phone("toll"), "PHONE")]

    def s_phone(self):
        return [(self.gen_phone(), "PHONE")]

    def s_ext(self):
        return [(str(self.rng.randint(100, 99999)), "PHONE")]

    def s_intlphone(self):
        r = self.rng
        n = lambda k: "".join(str(r.randint(0, 9)) for _ in range(k))
        return [
            (
                r.choice(
                    [
                        f"+234 803 {n(3)} {n(4)}",
                        f"+63 917 {n(3)} {n(4)}",
                        f"+52 55 {n(4)} {n(4)}",
                        f"+251 91 {n(3)} {n(4)}",
                        f"+84 90 {n(3)} {n(4)}",
                        f"+509 {n(4)} {n(4)}",
                        f"+92 300 {n(7)}",
                    ]
                ),
                "PHONE",
            )
        ]

    def s_ip(self):
        r = self.rng
        return [
            (
                r.choice(
                    [
                        f"10.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                        f"192.168.{r.randint(0, 255)}.{r.randint(1, 254)}",
                        f"172.{r.randint(16, 31)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                        f"{r.randint(24, 99)}.{r.randint(1, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}",
                    ]
                ),
                "IP",
            )
        ]

    def s_plate(self):
        return [
            (
                self.cached(
                    "plate",
                    lambda: self.pat(
                        self.rng.choice(["#@@@###", "@@@-####", "@@@ ####", "#@@ ###", "@@@####", "@@-#####"])
                    ),
                ),
                "VEHICLE",
            )
        ]

    def s_vin(self):
        return [("".join(self.rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(17)), "VEHICLE")]

    # -------------------------------------------------------------- rendering
    def slot(self, key):
        key, _, mod = key.partition("!")
        segs = self._slot(key)
        if mod == "t":
            segs = [(segs[0][0][:1].upper() + segs[0][0][1:], segs[0][1])] + segs[1:]
        elif mod:
            segs = [((str.upper if mod == "u" else str.lower)(t), tag) for t, tag in segs]
        return segs

    def _slot(self, key):
        if key.startswith("m:"):
            return [(key[2:], "MED")]
        if key.startswith("mx:"):
            return [(self.med_term(key[3:]), "MED")]
        base, _, attr = key.partition(".")
        base = self.alias.get(base, base)
        if base in ("he", "He", "his", "His", "him"):
            return self.person_attr("pt", base)
        if base == "pt" or base in CLIN or base in OTHER or base in FAMILY:
            return self.person_attr(base, attr)
        if base in PLACE_KIND:
            return self.place_attr(base, attr)
        if base in ID_PATTERNS:
            gen = lambda: self.pat(self.rng.choice(ID_PATTERNS[base]))
            return [(self.cached("id:" + base, gen) if base in CACHED_IDS else gen(), "SSN" if base == "ssn" else "ID")]
        return getattr(self, "s_" + base)()

    def render(self, tpl):
        out = []
        self._render(parse(tpl), out)
        for i in range(len(out) - 1):  # "a 80-year-old" -> "an 80-year-old"
            t, g = out[i]
            if g is None and re.search(r"(^|\s)[aA] $", t) and re.match(r"(8\d?|11|18)\b", out[i + 1][0]):
                out[i] = (t[:-1] + "n ", None)
        return out

    def _render(self, nodes, out):
        for n in nodes:
            if isinstance(n, str):
                out.append((n, None))
            elif n[0] == "slot":
                out.extend(self.slot(n[1]))
            elif n[0] == "alt":
                self._render(self.rng.choice(n[1]), out)
            elif self.rng.random() < 0.5:
                self._render(n[1], out)

    def typo_text(self, text):
        r = self.rng

        def rep(m):
            w = m.group(0)
            if r.random() > 0.05:
                return w
            if w in MISSPELL:
                return MISSPELL[w]
            if len(w) < 5:
                return w
            i = r.randint(1, len(w) - 3)
            x = r.random()
            return (
                w[:i] + w[i + 1] + w[i] + w[i + 2 :]
                if x < 0.4
                else w[:i] + w[i + 1 :]
                if x < 0.7
                else w[:i] + w[i] + w[i:]
            )

        return re.sub(r"[A-Za-z]+", rep, text)

    def head(self, label, body):
        h = self.st["head"]
        text = {
            "CAPS:": label.upper() + ":",
            "Title:": label + ":",
            "CAPS": label.upper(),
            "ul": label,
            "star": "*** " + label.upper() + " ***",
            "dash": label + " -",
            "sent": (label if label[:3].isupper() else label[0] + label[1:].lower()) + ":",
        }[h]
        if h == "ul":
            text += "\n" + "-" * len(label)
        multiline = any("\n" in t for t, _ in body)
        if self.st["inline"] and h in ("CAPS:", "Title:", "dash", "sent") and not multiline:
            return [(text + " ", None)] + body
        return [(text + "\n", None)] + body

    def section(self, name):
        r, F = self.rng, self.F
        if name == "title":
            t = self.render(r.choice(F.titles[self.kind]))
            x = r.random()
            if x < 0.2:
                t = [(s.upper(), tag) for s, tag in t]
            elif x > 0.85:
                t = [("==== ", None)] + t + [(" ====", None)]
            return t
        pool = F.pools[name]
        used = self.used.setdefault(name, [])
        i = r.choice([j for j in range(len(pool)) if j not in used] or list(range(len(pool))))
        used.append(i)
        tpl = pool[i]
        own = tpl.startswith("^")
        self.counter = 0
        body = self.render(tpl.lstrip("^"))
        if self.st["dictated"] and name in PROSE and not own:
            body = [(self.typo_text(t.replace("\n", " ")) if tag is None else t, tag) for t, tag in body]
        if name in ("letterhead", "ids") and r.random() < 0.1:
            body = [(t.upper(), tag) for t, tag in body]
        if (
            name in NO_HEADING
            or own
            or len(used) > 1
            or (self.kind in ("letter", "referral") and name in LETTER_BODY and r.random() < 0.7)
        ):
            return body
        return self.head(r.choice(F.labels[name]), body)

    def build(self):
        r = self.rng
        secs = [[n, p >= 1, self.section(n)] for n, p in PLANS[self.kind] if r.random() < p]
        sep = self.st["sep"]

        def measure():
            segs = [s for sec in secs for s in sec[2]]
            return (
                sum(len(t) for t, _ in segs) + len(sep) * (len(secs) - 1),
                sum(1 for _, g in segs if g and g != "MED"),
                sum(1 for _, g in segs if g == "MED"),
            )

        L, nphi, nmed = measure()
        while L > 2500 or nphi > 40 or nmed > 5:
            opt = [i for i, s in enumerate(secs) if not s[1]]
            if nmed > 5:
                opt = [i for i in opt if any(g == "MED" for _, g in secs[i][2])] or opt
            if not opt:
                return None
            del secs[r.choice(opt)]
            L, nphi, nmed = measure()
        if L < 500 or nphi < 10 or nmed < 2:
            return None
        out = []
        for k, sec in enumerate(secs):
            if k:
                out.append((sep, None))
            out.extend(sec[2])
        if self.st["caps"]:
            out = [(t.upper(), g) for t, g in out]
        return out


# ----------------------------------------------------------------------------------------------------------------
# Assembly, validation, CLI
# ----------------------------------------------------------------------------------------------------------------
def assemble(segs):
    """Concatenate segments; spans come from the tagged segments, so offsets are exact by construction."""
    parts, phi, med, values, pos = [], [], [], [], 0
    for t, tag in segs:
        if not t:
            continue
        if tag:
            assert t == t.strip() and t, repr(t)
            (med if tag == "MED" else phi).append(
                {"start": pos, "end": pos + len(t), **({"text": t} if tag == "MED" else {"type": tag})}
            )
            values.append((pos, t))
        parts.append(t)
        pos += len(t)
    text = "".join(parts)
    for s, v in values:
        assert text[s : s + len(v)] == v
    spans = sorted(phi + med, key=lambda x: x["start"])
    for a, b in zip(spans, spans[1:]):
        assert a["end"] <= b["start"], (a, b)
        if "type" in a and a.get("type") == b.get("type"):
            gap = text[a["end"] : b["start"]]
            assert gap.strip() or "\n" in gap, ("adjacent spans", text[a["start"] : b["end"]])
    for s in spans:
        assert 0 <= s["start"] < s["end"] <= len(text)
        before, after = text[s["start"] - 1 : s["start"]], text[s["end"] : s["end"] + 1]
        assert not (before.isalnum() or after.isalnum()), ("glued span", text[max(0, s["start"] - 20) : s["end"] + 20])
        v = text[s["start"] : s["end"]]
        if s.get("type") == "NAME" and re.search(r"\d", v):  # only user names may hold digits
            assert " " not in v, v
    return text, phi, med


def generate(fold, seed, n):
    F = Fold(fold)
    rng = random.Random(f"r{NN}-{fold}-{seed}")
    kinds = []
    while len(kinds) < n:
        cyc = KINDS[:]
        rng.shuffle(cyc)
        kinds += cyc
    docs = []
    for i in range(1, n + 1):
        sub = random.Random(rng.getrandbits(64))
        for _ in range(500):
            segs = Doc(F, random.Random(sub.getrandbits(64)), kinds[i - 1]).build()
            if segs:
                break
        else:
            raise RuntimeError(f"could not build a {kinds[i - 1]} document")
        text, phi, med = assemble(segs)
        assert 500 <= len(text) <= 2500 and 10 <= len(phi) <= 40 and 2 <= len(med) <= 5
        if fold == "dev":
            did, pid = f"r{NN}-d{i:02d}", f"GEN-R{NN}-{i:04d}"
        else:
            did, pid = f"r{NN}-s{seed}-{i:04d}", f"GEN-R{NN}-S{seed}-{i:04d}"
        docs.append(
            {
                "id": did,
                "note_type": "typed",
                "patient_id": pid,
                "text": text,
                "phi": phi,
                "medical": med,
                "_kind": kinds[i - 1],
            }
        )
    return docs


def report(docs, out=sys.stderr):
    counts = {t: 0 for t in PHI_TYPES}
    names = word = 0
    for d in docs:
        for s in d["phi"]:
            counts[s["type"]] += 1
            if s["type"] == "NAME":
                names += 1
                toks = re.findall(r"[A-Za-z']+", d["text"][s["start"] : s["end"]])
                word += any(t.lower() in WORD_NAME_SET for t in toks)
    n = len(docs)
    print(
        f"{n} docs; mean length {sum(len(d['text']) for d in docs) / n:.0f} chars; mean PHI "
        f"{sum(len(d['phi']) for d in docs) / n:.1f}; mean medical {sum(len(d['medical']) for d in docs) / n:.1f}",
        file=out,
    )
    print("PHI counts: " + ", ".join(f"{t} {c}" for t, c in counts.items()), file=out)
    print(f"word-name share of NAME spans: {word}/{names} = {word / max(1, names):.1%}", file=out)
    return counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--fold", choices=["train", "dev"], default="train")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--docs", type=int, default=None)
    ap.add_argument("--out", default=None)
    a = ap.parse_args(argv)
    if a.fold == "train" and not a.out:
        ap.error("--fold train needs --out")
    seed = a.seed if a.seed is not None else (DEV_SEED if a.fold == "dev" else 1)
    n = a.docs or (DEV_DOCS if a.fold == "dev" else 300)
    out = a.out or DEV_PATH
    docs = generate(a.fold, seed, n)
    counts = report(docs)
    if a.fold == "dev" and a.seed is None and a.docs is None:
        missing = [t for t, c in counts.items() if not c]
        assert not missing, f"dev file lacks PHI types {missing}"
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        for d in docs:
            d = {k: v for k, v in d.items() if not k.startswith("_")}
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"wrote {len(docs)} documents to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
